import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach } from 'vitest';
import type { SyncStatus } from '../../shared/domain/sync';
import { openLocalDatabase, type LocalStore } from '../../electron/core/db/open';
import type { OutboxTable } from '../../electron/core/db/schema';
import type { Exchange, PlatformClient, RequestOptions } from '../../electron/core/platform/client';
import { createContext, type SyncContext } from '../../electron/core/sync/engine/context';
import { unreachable, type Route } from './scripted-engine';

// One part of the sync engine on its own: a real local database, a scripted platform, and the
// context the parts share, with what it tells the rest of the core written down.

export interface PartBench {
  ctx: SyncContext;
  store: LocalStore;
  /** Every request made, in order. */
  requests: RequestOptions[];
  /** How the platform answers the next requests (unreachable until set). */
  answer(route: Route): void;
  /** Entities told as changed, in order. */
  changes: string[][];
  statuses: SyncStatus[];
  /** The delays of the runs asked for (ctx.schedule). */
  scheduled: number[];
  expired: number;
  errors: string[];
  outbox(): Promise<OutboxTable[]>;
}

export function usePartBench(): () => PartBench {
  let dir = '';
  let current: PartBench | undefined;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'engine-part-'));
    const store = await openLocalDatabase(path.join(dir, 'local.sqlite'));
    let route: Route = () => unreachable;
    const requests: RequestOptions[] = [];
    const client = {
      async exchange(request: RequestOptions): Promise<Exchange> {
        requests.push(request);
        return route(request);
      },
    } as unknown as PlatformClient;
    const bench: Omit<PartBench, 'ctx'> & { ctx?: SyncContext } = {
      store,
      requests,
      answer: (next) => (route = next),
      changes: [],
      statuses: [],
      scheduled: [],
      expired: 0,
      errors: [],
      outbox: () => store.read((tx) => tx.all<OutboxTable>(sql`select * from outbox order by position`)),
    };
    bench.ctx = createContext(
      {
        store,
        client,
        logger: { error: (message: string) => bench.errors.push(message) },
        onChange: (entities) => bench.changes.push(entities),
        onStatus: (status) => bench.statuses.push(status),
        onSessionExpired: () => bench.expired++,
        // No randomness in retry delays: each is the policy's upper bound.
        random: () => 1,
        // A scripted platform of single paths: the feed replayed, each change its own request
        // (the snapshot and the batches are tested against the real platform, tests/sync).
        legacyBootstrap: true,
        legacyPush: true,
      },
      (delayMs) => bench.scheduled.push(delayMs),
    );
    current = bench as PartBench;
  });
  afterEach(async () => {
    await current?.store.close();
    current = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!current) throw new Error('banc pas encore prêt');
    return current;
  };
}
