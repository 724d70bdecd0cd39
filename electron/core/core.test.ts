import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/domain/session';
import type { CoreEvent } from '../../shared/ipc/events';
import { DEMO_REFERENT } from '../../platform/seed/demo';
import { createPlatform, type Platform } from '../../platform/server';
import { createNodeCore } from '../host/node-core';
import type { Core } from './create-core';
import { accountDatabaseFile } from './db/open';
import { SETTINGS_FILE_NAME } from './settings';

// The core in plain Node against a real reference platform, through HTTP on loopback.

const registration = {
  mail: 'Lea.Etcheverry@Exemple.fr',
  password: 'Apprenti-Bordeaux-33!',
  passwordConfirmation: 'Apprenti-Bordeaux-33!',
  firstName: 'Léa',
  lastName: 'Etcheverry',
  mobile: '06.12.34.56.78',
  consent: true,
};

let platform: Platform;
let platformUrl: string;
let dataDir: string;
const cores: Core[] = [];

async function startCore(url = platformUrl): Promise<Core> {
  const core = await createNodeCore({ dataDir, platformUrl: url, requestTimeoutMs: 5_000 });
  cores.push(core);
  return core;
}

async function ok<T>(promise: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(`échec inattendu : ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

async function userCount(): Promise<number> {
  const row = await platform.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeEach(async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'core-'));
  dataDir = path.join(root, 'desktop');
  platform = await createPlatform({ dataDir: path.join(root, 'platform'), seed: 'demo' });
  platformUrl = await platform.listen(0);
});

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await platform.close().catch(() => undefined);
});

describe('core against the reference platform', () => {
  it('registers, signs in, attaches the structure by SIRET and keeps it locally', async () => {
    const core = await startCore();
    await expect(ok(core.invoke('auth.register', registration))).resolves.toEqual({
      mail: 'lea.etcheverry@exemple.fr',
    });

    const session = await ok<Session>(
      core.invoke('auth.login', { mail: 'lea.etcheverry@exemple.fr', password: registration.password }),
    );
    expect(session).toMatchObject({
      status: 'signedIn',
      structure: null,
      user: { firstName: 'Léa', mobile: '+33612345678', structureId: null },
    });

    const company = await ok<{ legalName: string; nafLabel: string }>(
      core.invoke('companies.lookup', { siret: '921 934 444 00016' }),
    );
    expect(company).toMatchObject({
      legalName: 'SAS AGRICOLE THES DE BRETAGNE',
      nafCode: '01.29Z',
      nafLabel: 'Autres cultures permanentes',
    });

    const changed = core.events.next(
      (e): e is Extract<CoreEvent, { type: 'session.changed' }> => e.type === 'session.changed',
    );
    await ok(core.invoke('structure.create', { siret: '92193444400016' }));
    expect((await changed).payload).toMatchObject({
      status: 'signedIn',
      user: { role: 'referent' },
      structure: { siret: '92193444400016' },
    });
    await expect(ok(core.invoke('structure.get'))).resolves.toMatchObject({
      legalName: 'SAS AGRICOLE THES DE BRETAGNE',
      version: 1,
    });

    // The settings file is conf's (electron-store's) JSON, in the data folder.
    const settings = JSON.parse(readFileSync(path.join(dataDir, `${SETTINGS_FILE_NAME}.json`), 'utf8')) as {
      lastUserId: string;
    };
    expect(settings.lastUserId).toBe((session as Extract<Session, { status: 'signedIn' }>).user.id);
  });

  it('reopens the signed-in account from the local cache when the platform is gone, and says offline', async () => {
    const first = await startCore();
    await ok(first.invoke('auth.login', { mail: DEMO_REFERENT.mail, password: DEMO_REFERENT.password }));
    await first.close();
    await platform.close();

    const core = await startCore();
    await expect(ok(core.invoke('session.get'))).resolves.toMatchObject({
      status: 'signedIn',
      user: { mail: DEMO_REFERENT.mail },
      structure: { legalName: 'CFA DES METIERS DE LA GIRONDE' },
    });
    await expect(ok(core.invoke('connectivity.check'))).resolves.toMatchObject({ state: 'offline' });
    await expect(core.invoke('companies.lookup', { siret: '92193444400016' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'offline', message: expect.stringContaining('nécessite la plateforme') },
    });
  });

  it('answers malformed input with an envelope naming the fields, and writes nothing', async () => {
    const core = await startCore();
    const before = await userCount();
    const answer = await core.invoke('auth.register', {
      ...registration,
      mail: 'pas-un-mail',
      mobile: '01 23 45 67 89',
      consent: false,
      extra: 1,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        fields: { mail: expect.any(String), mobile: expect.any(String), consent: expect.any(String) },
      },
    });
    expect(answer.ok ? '' : answer.error.message).toContain('« Mail »');
    expect(await userCount()).toBe(before);
    await expect(core.invoke('structure.create', { siret: 12 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { siret: expect.any(String) } },
    });
    await expect(core.invoke('inconnu', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('signs out: the token is forgotten, the local data stays on disk', async () => {
    const core = await startCore();
    const session = await ok<Extract<Session, { status: 'signedIn' }>>(
      core.invoke('auth.login', { mail: DEMO_REFERENT.mail, password: DEMO_REFERENT.password }),
    );
    await ok(core.invoke('auth.logout'));
    await expect(ok(core.invoke('session.get'))).resolves.toEqual({ status: 'signedOut', notice: null });
    expect(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')).not.toContain('refreshToken');
    expect(existsSync(accountDatabaseFile(dataDir, session.user.id))).toBe(true);

    const restarted = await startCore();
    await expect(ok(restarted.invoke('session.get'))).resolves.toEqual({ status: 'signedOut', notice: null });
  });

  it('signs out erasing the local data when asked: the account database folder is gone', async () => {
    const core = await startCore();
    const session = await ok<Extract<Session, { status: 'signedIn' }>>(
      core.invoke('auth.login', { mail: DEMO_REFERENT.mail, password: DEMO_REFERENT.password }),
    );
    const database = accountDatabaseFile(dataDir, session.user.id);
    expect(existsSync(database)).toBe(true);
    await ok(core.invoke('auth.logout', { eraseLocalData: true }));
    await expect(ok(core.invoke('session.get'))).resolves.toEqual({ status: 'signedOut', notice: null });
    expect(existsSync(path.dirname(database))).toBe(false);
    await expect(core.invoke('auth.logout', { eraseLocalData: 'oui' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { eraseLocalData: expect.any(String) } },
    });
  });

  it('tells « À propos » the version, the platform address and the data folder', async () => {
    const core = await startCore();
    await expect(ok(core.invoke('app.about'))).resolves.toEqual({
      version: JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')).version,
      platformUrl,
      dataDir,
      electron: false,
    });
  });

  it('marks the session for a new login when the platform revoked it, keeping the cache readable', async () => {
    const first = await startCore();
    await ok(first.invoke('auth.login', { mail: DEMO_REFERENT.mail, password: DEMO_REFERENT.password }));
    await first.close();
    await platform.db.updateTable('refresh_tokens').set({ revoked_at: new Date().toISOString() }).execute();

    const core = await startCore();
    const expired = core.events.next(
      (e) => e.type === 'session.changed' && e.payload.status === 'signedIn' && e.payload.reauthRequired,
    );
    await ok(core.invoke('connectivity.check'));
    await expired;
    await expect(ok(core.invoke('structure.get'))).resolves.toMatchObject({
      legalName: 'CFA DES METIERS DE LA GIRONDE',
    });
  });

  it('refuses a local database made by a newer version, clearly, without touching it', async () => {
    const first = await startCore();
    const session = await ok<Extract<Session, { status: 'signedIn' }>>(
      first.invoke('auth.login', { mail: DEMO_REFERENT.mail, password: DEMO_REFERENT.password }),
    );
    await first.close();
    const file = accountDatabaseFile(dataDir, session.user.id);
    const raw = new Database(file);
    raw
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('9999_from_the_future', new Date().toISOString());
    const tablesBefore = raw
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .all();
    raw.close();

    const core = await startCore();
    await expect(ok(core.invoke('session.get'))).resolves.toEqual({ status: 'signedOut', notice: null });
    const answer = await core.invoke('auth.login', {
      mail: DEMO_REFERENT.mail,
      password: DEMO_REFERENT.password,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'database', message: expect.stringContaining('version plus récente') },
    });

    const after = new Database(file, { readonly: true });
    expect(after.prepare("select name from sqlite_master where type = 'table' order by name").all()).toEqual(
      tablesBefore,
    );
    after.close();
  });
});
