import { sql } from 'kysely';
import type { SyncStatus } from '../../../../shared/domain/sync';
import type { SyncContext } from './context';

/** When the last complete run (everything pushed, feed pulled) ended. */
export const LAST_SYNC_KEY = 'sync.lastSyncAt';

/** What the UI shows of the sync: what runs now, what waits in the outbox, what went wrong. */
export async function readStatus(ctx: SyncContext): Promise<SyncStatus> {
  return ctx.options.store.read((tx) => {
    const counts = tx.all<{ state: string; n: number }>(
      sql`select state, count(*) as n from outbox group by state`,
    );
    const count = (state: string) => counts.find((c) => c.state === state)?.n ?? 0;
    const next = tx.first<{ at: string | null }>(
      sql`select min(next_attempt_at) as at from outbox where state = 'pending'`,
    );
    const last = tx.first<{ value: string }>(sql`select value from meta where key = ${LAST_SYNC_KEY}`);
    return {
      revision: ++ctx.revision,
      running: ctx.phase !== 'idle',
      phase: ctx.phase,
      progress: ctx.progress,
      // A bootstrap runs, or one was cut off (its state is kept until its last transaction).
      firstSync:
        ctx.phase === 'bootstrap' ||
        tx.get("select 1 from meta where key like 'bootstrap.%' and key != 'bootstrap.droppedIndexes'") !==
          undefined,
      pending: count('pending'),
      parked: count('parked'),
      conflicts: count('conflict'),
      lastSyncAt: last?.value ?? null,
      lastError: ctx.lastError,
      nextAttemptAt: next?.at ?? null,
    };
  });
}

/** Tells the UI the status as it is now. */
export async function announce(ctx: SyncContext): Promise<void> {
  ctx.options.onStatus(await readStatus(ctx));
}

/** Tells the UI which entities changed; during a push, every so many acknowledgements, not each one. */
export function flushChanges(ctx: SyncContext): void {
  if (ctx.touched.size === 0) return;
  const names = [...ctx.touched];
  ctx.touched.clear();
  ctx.options.onChange(names);
}
