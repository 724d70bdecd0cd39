import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingPasswordRules } from '../../shared/validation/password';
import { nafSubclasses } from '../referentials/load';
import { createPlatform, type Platform } from '../server';
import { seedDemo, DEMO_REFERENT } from './demo';
import { DEMO_CFA_SIRET } from './directory';

const dataDirs: string[] = [];
const platforms: Platform[] = [];

afterEach(async () => {
  for (const platform of platforms.splice(0)) await platform.close();
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function demoPlatform(dataDir?: string): Promise<Platform> {
  const dir = dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'platform-'));
  if (!dataDir) dataDirs.push(dir);
  const platform = await createPlatform({ dataDir: dir, seed: 'demo' });
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
  it('is idempotent: seeding twice, or reopening a seeded platform, adds nothing', async () => {
    const platform = await demoPlatform();
    expect(await counts(platform)).toEqual({ users: 1, structures: 1 });

    await seedDemo(platform.db, new Map(nafSubclasses().map((n) => [n.code, n.label])));
    expect(await counts(platform)).toEqual({ users: 1, structures: 1 });

    const dataDir = dataDirs[0]!;
    await platforms.pop()!.close();
    const reopened = await demoPlatform(dataDir);
    expect(await counts(reopened)).toEqual({ users: 1, structures: 1 });
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
});
