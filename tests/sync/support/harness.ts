import { DEMO_CFA_SIRET } from '../../../platform/seed/directory';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { structureFromColumns, userFromColumns } from '../../../shared/db/rows';
import type { LocalStructure, LocalUser, Session } from '../../../shared/domain/session';
import type { SyncIssue, SyncStatus } from '../../../shared/domain/sync';
import type { CoreEvent } from '../../../shared/ipc/events';
import type { Core, CoreOptions } from '../../../electron/core/create-core';
import { createNodeCore } from '../../../electron/host/node-core';
import { DEMO_REFERENT } from '../../../platform/seed/demo';
import { createTestDatabase, testsOnPostgres } from '../../../platform/db/test-postgres';
import { createPlatform, type Platform, type PlatformOptions } from '../../../platform/server';
import { FaultProxy } from './fault-proxy';

import { seededRandom } from '../../../shared/random';

export { seededRandom };

export interface Stack {
  root: string;
  platform: Platform;
  platformUrl: string;
  proxy: FaultProxy;
  close(): Promise<void>;
}

/** The reference platform (demo data) behind a fault-injecting proxy, in a temp folder. */
export async function startStack(options: Partial<PlatformOptions> = {}): Promise<Stack> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sync-'));
  // PLATFORM_TEST_DIALECT=postgres: the platform on a fresh PostgreSQL database.
  const database = testsOnPostgres() ? await createTestDatabase() : undefined;
  const where = database ? { databaseUrl: database.url } : { dataDir: path.join(root, 'platform') };
  const platform = await createPlatform({ ...where, seed: 'demo', ...options });
  const platformUrl = await platform.listen(0);
  const proxy = await new FaultProxy(platformUrl).start();
  return {
    root,
    platform,
    platformUrl,
    proxy,
    async close() {
      await proxy.close();
      await platform.close();
      await database?.drop();
    },
  };
}

export type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** A desktop core signed in as the demo référent, talking to the platform through the proxy. */
export class Desktop {
  private constructor(
    readonly core: Core,
    readonly dataDir: string,
  ) {}

  static async start(
    stack: Stack,
    name: string,
    options: Partial<CoreOptions> = {},
    signIn = true,
  ): Promise<Desktop> {
    const dataDir = path.join(stack.root, name);
    const core = await createNodeCore({
      dataDir,
      platformUrl: stack.proxy.url,
      requestTimeoutMs: 1_000,
      connectivityIntervalMs: 3_600_000,
      // A referential download still in flight when the proxy cuts the network would answer
      // after the cut, and its answer would count as the platform being back.
      referentials: { downloads: false },
      ...options,
      sync: {
        debounceMs: 5,
        periodicMs: 3_600_000,
        backoff: { baseMs: 10, capMs: 100 },
        random: seededRandom(7),
        ...options.sync,
      },
    });
    const desktop = new Desktop(core, dataDir);
    if (signIn)
      await desktop.ok('auth.login', { mail: DEMO_REFERENT.mail, password: DEMO_REFERENT.password });
    return desktop;
  }

  async ok<T = unknown>(channel: string, input?: unknown): Promise<T> {
    const answer = (await this.core.invoke(channel, input)) as Envelope;
    if (!answer.ok) throw new Error(`${channel} : ${answer.error.message}`);
    return answer.data as T;
  }

  structure(): Promise<LocalStructure> {
    return this.ok<LocalStructure>('structure.get');
  }

  async user(): Promise<LocalUser> {
    const session = await this.ok<Session>('session.get');
    if (session.status !== 'signedIn') throw new Error('déconnecté');
    return session.user;
  }

  editStructure(patch: Record<string, unknown>): Promise<LocalStructure> {
    return this.ok<LocalStructure>('structure.update', patch);
  }

  syncNow(): Promise<SyncStatus> {
    return this.ok<SyncStatus>('sync.now');
  }

  issues(): Promise<SyncIssue[]> {
    return this.ok<SyncIssue[]>('sync.issues');
  }

  /** Resolves on the first sync status matching `predicate` (the engine retrying on its own). */
  statusWhere(predicate: (status: SyncStatus) => boolean): Promise<SyncStatus> {
    return new Promise((resolve) => {
      const stop = this.core.events.subscribe((event: CoreEvent) => {
        if (event.type === 'sync.status' && predicate(event.payload)) {
          stop();
          resolve(event.payload);
        }
      });
    });
  }

  /** Syncs until nothing waits (each call retries at once, whatever the backoff). */
  async settle(rounds = 20): Promise<SyncStatus> {
    let status = await this.syncNow();
    for (let i = 1; i < rounds && (status.pending > 0 || status.running); i++) status = await this.syncNow();
    return status;
  }

  close(): Promise<void> {
    return this.core.close();
  }
}

export async function platformStructure(platform: Platform) {
  const row = await platform.db
    .selectFrom('structures')
    .selectAll()
    .where('siret', '=', DEMO_CFA_SIRET)
    .executeTakeFirstOrThrow();
  return structureFromColumns(row);
}

export async function platformUser(platform: Platform, mail = DEMO_REFERENT.mail) {
  const row = await platform.db
    .selectFrom('users')
    .selectAll()
    .where('mail', '=', mail)
    .executeTakeFirstOrThrow();
  return userFromColumns(row);
}

/** Idempotency keys the platform stored: one per change it applied. */
export async function appliedChanges(platform: Platform): Promise<number> {
  const row = await platform.db
    .selectFrom('idempotency_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every desktop shows exactly the platform's structure and account, with nothing waiting. */
export async function expectConverged(stack: Stack, desktops: Desktop[]): Promise<void> {
  for (const desktop of desktops) {
    expect(await desktop.settle()).toMatchObject({ pending: 0, parked: 0, conflicts: 0 });
  }
  // A second round: each desktop pulls what the others pushed.
  for (const desktop of desktops) await desktop.syncNow();
  const structure = await platformStructure(stack.platform);
  const user = await platformUser(stack.platform);
  for (const desktop of desktops) {
    expect(await desktop.structure()).toEqual({ ...structure, syncState: 'synced' });
    expect(await desktop.user()).toEqual({ ...user, syncState: 'synced' });
  }
}
