import { sql } from 'kysely';
import type { OutboxTable } from '../../db/schema';
import { nextDelayMs } from '../backoff';
import { entityNamed } from '../entities';
import { refreshView } from '../local-state';
import type { SyncContext } from './context';

// A change the platform did not take stays in the outbox: for a later retry, or parked.

/** Not delivered (offline, platform busy): tried again after a growing delay, or when the platform says. */
export async function retryLater(
  ctx: SyncContext,
  row: OutboxTable,
  message: string,
  retryAfterMs: number | undefined,
): Promise<void> {
  const attempts = row.attempts + 1;
  const at = new Date(
    Date.now() + nextDelayMs(attempts, ctx.backoff, ctx.random, retryAfterMs),
  ).toISOString();
  await ctx.options.store.write((tx) =>
    tx.run(
      sql`update outbox set attempts = ${attempts}, next_attempt_at = ${at}, last_error = ${message} where id = ${row.id}`,
    ),
  );
  ctx.lastError = message;
  ctx.schedule(Date.parse(at) - Date.now());
}

/** Refused for a reason a retry will not fix: kept, shown, until the user edits or discards it. */
export async function park(
  ctx: SyncContext,
  row: OutboxTable,
  message: string,
  fields: Record<string, string> | undefined,
): Promise<void> {
  const entity = entityNamed(row.entity);
  await ctx.options.store.write((tx) => {
    tx.run(
      sql`update outbox set state = 'parked', last_error = ${message},
          last_error_fields = ${fields ? JSON.stringify(fields) : null} where id = ${row.id}`,
    );
    if (entity) refreshView(tx, entity, row.entity_id);
  });
  ctx.options.onChange([row.entity]);
}
