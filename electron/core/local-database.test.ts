import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/domain/session';
import { DEMO_REFERENT } from '../../platform/seed/demo';
import { createPlatform, type Platform } from '../../platform/server';
import {
  canMakeReadOnly,
  garbageOverPages,
  makeReadOnly,
  unlockForCleanUp,
} from '../../tests/support/damaged-db';
import { createNodeCore } from '../host/node-core';
import type { Core } from './create-core';
import type { Logger } from './dispatch';
import { damageMarkerFile } from './db/damage';
import { accountDatabaseFile } from './db/open';

// A damaged local cache, through the core against a real platform: what the user sees and does.

let platform: Platform;
let dataDir: string;
let platformUrl: string;
const cores: Core[] = [];
let logged: string[] = [];

async function startCore(): Promise<Core> {
  const logger: Logger = {
    error: (message) => logged.push(message),
    info: () => {},
  };
  const core = await createNodeCore({ dataDir, platformUrl, requestTimeoutMs: 5_000, logger });
  cores.push(core);
  return core;
}

async function ok<T>(promise: Promise<{ ok: boolean; data?: unknown; error?: unknown }>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(`échec inattendu : ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

const login = { mail: DEMO_REFERENT.mail, password: DEMO_REFERENT.password };

/** Signs in, syncs the structure's data, and quits: the file is closed and checkpointed. */
async function syncedThenClosed(): Promise<string> {
  const core = await startCore();
  const session = await ok<Extract<Session, { status: 'signedIn' }>>(core.invoke('auth.login', login));
  await ok(core.invoke('sync.now'));
  expect((await ok<unknown[]>(core.invoke('employers.list'))).length).toBeGreaterThan(0);
  await core.close();
  cores.splice(cores.indexOf(core), 1);
  return accountDatabaseFile(dataDir, session.user.id);
}

beforeEach(async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'local-database-'));
  dataDir = path.join(root, 'desktop');
  logged = [];
  platform = await createPlatform({ dataDir: path.join(root, 'platform'), seed: 'demo' });
  platformUrl = await platform.listen(0);
});

let lockedFile: string | null = null;

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  if (lockedFile) unlockForCleanUp(lockedFile);
  lockedFile = null;
  await platform.close().catch(() => undefined);
});

/** The login page's notice after a start that replaced the cache; then signing in syncs again. */
async function expectRecoveredAtStart(file: string): Promise<void> {
  const core = await startCore();
  const session = await ok<Session>(core.invoke('session.get'));
  expect(session).toMatchObject({
    status: 'signedOut',
    notice: {
      mail: DEMO_REFERENT.mail,
      message: expect.stringMatching(
        /^La base de données locale de ce poste est endommagée : elle a été mise de côté \(« .*local-endommagee-.*\.sqlite »\) et une base neuve a été créée\. .*Reconnectez-vous : les données de la plateforme seront téléchargées à nouveau\.$/,
      ),
    },
  });
  // The damaged file (with its WAL, when SQLite left one) is kept beside the new one.
  const [copy, ...itsWal] = readdirSync(path.dirname(file))
    .filter((name) => name.includes('endommagee-'))
    .sort();
  expect(copy).toMatch(/^local-endommagee-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.sqlite$/);
  for (const name of itsWal) expect([`${copy}-wal`, `${copy}-shm`]).toContain(name);
  expect(logged).toContainEqual(expect.stringMatching(/^Base locale remplacée \(SQLITE_CORRUPT/));

  await expect(ok(core.invoke('auth.login', login))).resolves.toMatchObject({ status: 'signedIn' });
  await ok(core.invoke('sync.now'));
  expect((await ok<unknown[]>(core.invoke('employers.list'))).length).toBeGreaterThan(0);
}

describe('a damaged local database', () => {
  it('found at start: put aside, the user told on the login page, everything back after signing in', async () => {
    const file = await syncedThenClosed();
    garbageOverPages(file, { keep: ['account', 'outbox'] });
    await expectRecoveredAtStart(file);
  });

  it('met during use: answers « database » saying to reopen the app, and the next start recovers', async () => {
    const file = await syncedThenClosed();
    garbageOverPages(file, { only: ['employer'] });

    const core = await startCore();
    await expect(ok(core.invoke('session.get'))).resolves.toMatchObject({ status: 'signedIn' });
    const answer = await core.invoke('employers.list');
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'database',
        message: expect.stringMatching(
          /^La base de données locale de ce poste est endommagée \(SQLITE_CORRUPT\)\. Fermez puis rouvrez l’application/,
        ),
      },
    });
    expect(existsSync(damageMarkerFile(file))).toBe(true);
    await core.close();
    cores.splice(cores.indexOf(core), 1);

    logged = [];
    await expectRecoveredAtStart(file);
  });

  it.skipIf(!canMakeReadOnly)(
    'read-only: replaced when it can be moved, else signing in says what to check',
    async () => {
      const file = await syncedThenClosed();
      lockedFile = file;
      const how = makeReadOnly(file);
      const core = await startCore();
      if (how === 'mode') {
        await expect(ok(core.invoke('session.get'))).resolves.toMatchObject({
          status: 'signedOut',
          notice: {
            message: expect.stringMatching(
              /^La base de données locale de ce poste ne peut plus être modifiée/,
            ),
          },
        });
        return;
      }
      // Immutable (root): neither written nor moved. Signing in tells what to check, in French.
      await expect(ok(core.invoke('session.get'))).resolves.toEqual({ status: 'signedOut', notice: null });
      const answer = await core.invoke('auth.login', login);
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'database',
          message: expect.stringMatching(
            /^La base de données locale de ce poste ne peut être ni modifiée ni déplacée .*vérifiez que ce fichier et son dossier ne sont pas en lecture seule/,
          ),
        },
      });
    },
  );
});
