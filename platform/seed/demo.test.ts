import { afterEach, describe, expect, it } from 'vitest';
import { missingPasswordRules } from '../../shared/validation/password';
import { nafSubclasses } from '../referentials/load';
import { createPlatform, type Platform } from '../server';
import { newTestStorage, type TestStorage } from '../test-support';
import { observationHostsPageSchema } from '../../shared/domain/observation';
import { DEMO_GESTIONNAIRE, DEMO_OBSERVATION_HOSTS, DEMO_PENDING, DEMO_REFERENT, seedDemo } from './demo';
import { DEMO_PARTNER_STRUCTURES } from './demo-offers';
import { generateDirectory } from './directory';
import { DEMO_CFA_SIRET } from './directory';

const storages: TestStorage[] = [];
const platforms: Platform[] = [];

afterEach(async () => {
  for (const platform of platforms.splice(0)) await platform.close();
  for (const storage of storages.splice(0)) await storage.remove();
});

async function demoPlatform(reopen?: TestStorage): Promise<Platform> {
  const storage = reopen ?? (await newTestStorage());
  if (!reopen) storages.push(storage);
  const platform = await createPlatform({ ...storage.where, seed: 'demo' });
  platforms.push(platform);
  return platform;
}

async function counts(platform: Platform) {
  const count = async (table: 'users' | 'structures') =>
    Number(
      (
        await platform.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { users: await count('users'), structures: await count('structures') };
}

describe('demo seed', () => {
  const seeded = {
    users: 3,
    structures: 1 + DEMO_OBSERVATION_HOSTS.length + DEMO_PARTNER_STRUCTURES.length,
  };

  it('is idempotent: seeding twice, or reopening a seeded platform, adds nothing', async () => {
    const platform = await demoPlatform();
    expect(await counts(platform)).toEqual(seeded);
    const feedSize = (await platform.db.selectFrom('sync_log').select('seq').execute()).length;

    await seedDemo(platform.db, new Map(nafSubclasses().map((n) => [n.code, n.label])));
    expect(await counts(platform)).toEqual(seeded);

    await platforms.pop()!.close();
    const reopened = await demoPlatform(storages[0]!);
    expect(await counts(reopened)).toEqual(seeded);
    expect(await reopened.db.selectFrom('sync_log').select('seq').execute()).toHaveLength(feedSize);
  });

  it('adds what an older seed lacks, and hashes the shared password once', async () => {
    const platform = await demoPlatform();
    await platform.db.deleteFrom('users').where('mail', '=', DEMO_GESTIONNAIRE.mail).execute();
    await seedDemo(platform.db, new Map(nafSubclasses().map((n) => [n.code, n.label])));
    expect(await counts(platform)).toEqual(seeded);
    const hashes = await platform.db
      .selectFrom('users')
      .select('password_hash')
      .where('mail', 'in', [DEMO_REFERENT.mail, DEMO_PENDING.mail])
      .execute();
    expect(new Set(hashes.map((h) => h.password_hash)).size).toBe(1);
  });

  it('lets the demo référent log in and find the demo CFA as structure', async () => {
    // Documented in the README: it must also be a password the registration form would accept.
    expect(missingPasswordRules(DEMO_REFERENT.password)).toEqual([]);
    const platform = await demoPlatform();
    const login = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { mail: DEMO_REFERENT.mail, password: DEMO_REFERENT.password },
    });
    expect(login.statusCode).toBe(200);
    const { accessToken, user } = login.json();
    expect(user).toMatchObject({ mail: DEMO_REFERENT.mail, mobile: DEMO_REFERENT.mobile, role: 'referent' });

    const structure = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/structure',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(structure.statusCode).toBe(200);
    expect(structure.json()).toMatchObject({
      id: user.structureId,
      siret: DEMO_CFA_SIRET,
      nafCode: '85.32Z',
    });
    expect(structure.json().nafLabel).not.toBe('85.32Z');
  });

  it('gives the demo structure a gestionnaire, who sees it, and a pending collaborator, who waits', async () => {
    const platform = await demoPlatform();
    const signIn = async (credentials: { mail: string; password: string }) => {
      expect(missingPasswordRules(credentials.password)).toEqual([]);
      const login = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { mail: credentials.mail, password: credentials.password },
      });
      expect(login.statusCode).toBe(200);
      const { accessToken, user } = login.json();
      const get = (url: string) =>
        platform.app.inject({
          method: 'GET',
          url: `/api/v1${url}`,
          headers: { authorization: `Bearer ${accessToken}` },
        });
      return { user, get };
    };
    const referent = await signIn(DEMO_REFERENT);
    const gestionnaire = await signIn(DEMO_GESTIONNAIRE);
    const pending = await signIn(DEMO_PENDING);
    expect(gestionnaire.user).toMatchObject({ role: 'gestionnaire', structureId: referent.user.structureId });
    expect(pending.user).toMatchObject({ role: null, structureId: referent.user.structureId });

    expect((await gestionnaire.get('/structure')).json()).toMatchObject({ siret: DEMO_CFA_SIRET });
    expect((await pending.get('/structure')).statusCode).toBe(403);
    expect((await pending.get('/structure/request')).json()).toMatchObject({ siret: DEMO_CFA_SIRET });
    const members = (await referent.get('/structure/members')).json();
    expect(members.map((m: { mail: string; role: string }) => [m.mail, m.role])).toEqual([
      [DEMO_REFERENT.mail, 'referent'],
      [DEMO_PENDING.mail, 'pending'],
      [DEMO_GESTIONNAIRE.mail, 'gestionnaire'],
    ]);
  });

  it('registers host structures of the directory, in several communes, with a mail and a phone', async () => {
    const platform = await demoPlatform();
    const open = new Set(
      generateDirectory()
        .filter((e) => e.active)
        .map((e) => e.siret),
    );
    for (const host of DEMO_OBSERVATION_HOSTS) expect(open.has(host.siret), host.siret).toBe(true);

    const response = await platform.app.inject({ method: 'GET', url: '/api/v1/observation-hosts' });
    const directory = observationHostsPageSchema.parse(response.json());
    // The hosts and the demo CFA (which takes pupils of troisième).
    expect(directory.total).toBe(DEMO_OBSERVATION_HOSTS.length + 1);
    expect(directory.hosts.map((h) => h.siret).sort()).toEqual(
      [DEMO_CFA_SIRET, ...DEMO_OBSERVATION_HOSTS.map((h) => h.siret)].sort(),
    );
    for (const host of directory.hosts) {
      expect(host.email, host.name).toMatch(/@/);
      expect(host.phone, host.name).toMatch(/^\+33\d{9}$/);
      expect(host.levels.length, host.name).toBeGreaterThan(0);
    }
    expect(new Set(directory.hosts.map((h) => h.address.communeCode)).size).toBeGreaterThanOrEqual(4);
    expect(directory.hosts.filter((h) => h.levels.includes('seconde')).length).toBeGreaterThanOrEqual(3);
    // Nobody uses them yet: whoever registers one becomes its référent.
    const users = await platform.db
      .selectFrom('users')
      .innerJoin('structures', 'structures.id', 'users.structure_id')
      .select('structures.siret')
      .where('structures.siret', '!=', DEMO_CFA_SIRET)
      .execute();
    expect(users).toEqual([]);
  });
});
