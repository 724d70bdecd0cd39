import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalEmployer } from '../../shared/domain/session';
import type { SyncStatus } from '../../shared/domain/sync';
import { createNodeCore } from '../../electron/host/node-core';
import type { Core } from '../../electron/core/create-core';
import {
  createTestDatabase,
  startTestCluster,
  testsOnPostgres,
  type TestCluster,
} from '../../platform/db/test-postgres';
import { DEMO_REFERENT } from '../../platform/seed/demo';
import { createPlatform, type Platform } from '../../platform/server';
import { apiCaller, newSignedInAccount } from '../../platform/test-support';
import { startNodeProcess, type Running } from '../../scripts/processes';
import { directorySirets, employerForm } from '../support/partners';
import { Balancer } from './support/balancer';

// The regional deployment's faults, desktops included (PostgreSQL): the database goes away and
// comes back, an instance dies in the middle of a burst of writes. Whatever was acknowledged
// stays, nothing is applied twice, and every desktop converges once it can sync again.

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function desktop(platformUrl: string, mail: string, password: string): Promise<Core> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pg-faults-desktop-'));
  const core = await createNodeCore({
    dataDir,
    platformUrl,
    requestTimeoutMs: 5_000,
    connectivityIntervalMs: 3_600_000,
    referentials: { downloads: false },
    // One request per change, so that the instance dies between acknowledged ones.
    sync: { debounceMs: 5, periodicMs: 3_600_000, backoff: { baseMs: 20, capMs: 200 }, legacyPush: true },
  });
  cleanups.push(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  await ok(core, 'auth.login', { mail, password });
  await ok(core, 'sync.now');
  return core;
}

async function ok<T = unknown>(core: Core, channel: string, input?: unknown): Promise<T> {
  const answer = await core.invoke(channel, input);
  if (!answer.ok) throw new Error(`${channel} : ${answer.error.message}`);
  return answer.data as T;
}

/** Syncs until nothing waits (the platform reachable again); the last status. */
async function converge(core: Core): Promise<SyncStatus> {
  let status = await ok<SyncStatus>(core, 'sync.now');
  for (let round = 0; round < 40 && status.pending > 0; round++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = await ok<SyncStatus>(core, 'sync.now');
  }
  return status;
}

describe.skipIf(!testsOnPostgres())('desktops against PostgreSQL instances that fail', () => {
  it('keeps the work made while the database is down in the outbox, and converges once it is back', async () => {
    const cluster: TestCluster = await startTestCluster();
    cleanups.push(() => cluster.stop());
    const platform: Platform = await createPlatform({ databaseUrl: `${cluster.url}/platform_template` });
    cleanups.push(() => platform.close());
    const url = await platform.listen(0);
    const account = await newSignedInAccount(platform);
    const sirets = await directorySirets(platform, { active: true, count: 4 });
    const created = await apiCaller(() => platform)('POST', '/structure', account.token, {
      siret: sirets[0],
    });
    expect(created.statusCode).toBe(201);
    const core = await desktop(url, account.mail, 'Alternance-2026');

    cluster.pause();
    const asked: LocalEmployer[] = [];
    for (const siret of sirets.slice(1))
      asked.push(await ok<LocalEmployer>(core, 'employers.create', employerForm(siret)));
    const down = await ok<SyncStatus>(core, 'sync.now');
    expect(down.pending).toBe(3);
    expect(down.lastError).toBeTruthy();

    cluster.resume();
    expect(await converge(core)).toMatchObject({ pending: 0, parked: 0, conflicts: 0 });
    const onPlatform = await platform.db
      .selectFrom('employers')
      .select('id')
      .where(
        'id',
        'in',
        asked.map((e) => e.id),
      )
      .execute();
    expect(onPlatform).toHaveLength(3);
    const local = await ok<LocalEmployer[]>(core, 'employers.list');
    expect(local.filter((e) => asked.some((a) => a.id === e.id)).map((e) => e.syncState)).toEqual([
      'synced',
      'synced',
      'synced',
    ]);
  });

  it('loses nothing acknowledged and applies nothing twice when an instance is killed during a burst', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const a: Running = await startNodeProcess('platform/cli.ts', [
      '--database',
      database.url,
      '--port',
      '0',
      '--seed',
      'demo',
    ]);
    cleanups.push(() => a.stop());
    const b = await createPlatform({ databaseUrl: database.url });
    cleanups.push(() => b.close());
    const balancer = await new Balancer([a.url, await b.listen(0)]).start();
    cleanups.push(() => balancer.close());
    const core = await desktop(balancer.url, DEMO_REFERENT.mail, DEMO_REFERENT.password);

    // A burst: 30 employers asked for and 10 applications answered, sent one by one.
    const sirets = await directorySirets(b, { active: true, count: 30 });
    const waiting = await ok<{ rows: Array<{ id: string }> }>(core, 'applications.list', {
      status: 'a_traiter',
      limit: 10,
    });
    const employerIds: string[] = [];
    for (const siret of sirets)
      employerIds.push((await ok<LocalEmployer>(core, 'employers.create', employerForm(siret))).id);
    for (const { id } of waiting.rows)
      await ok(core, 'applications.reply', {
        id,
        reply: { status: 'recevable', replyMessage: 'Bonjour, venez le 12 mars. contact@cfa-demo.fr' },
      });

    // Instance A dies once it has acknowledged some of them.
    const acknowledged = () =>
      b.db
        .selectFrom('employers')
        .select('id')
        .where('id', 'in', employerIds)
        .execute()
        .then((rows) => rows.length);
    for (let i = 0; i < 200 && (await acknowledged()) < 5; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    a.child.kill('SIGKILL');

    expect(await converge(core)).toMatchObject({ pending: 0, parked: 0, conflicts: 0 });
    expect(balancer.routed).toContain(1);
    expect(await acknowledged()).toBe(30);
    const answered = await b.db
      .selectFrom('applications')
      .select(['id', 'status', 'history'])
      .where(
        'id',
        'in',
        waiting.rows.map((r) => r.id),
      )
      .execute();
    expect(answered).toHaveLength(waiting.rows.length);
    for (const application of answered) {
      expect(application.status).toBe('recevable');
      const replies = (JSON.parse(application.history) as Array<{ kind: string }>).filter(
        (e) => e.kind === 'repondue',
      );
      expect(replies, application.id).toHaveLength(1);
    }
  });
});
