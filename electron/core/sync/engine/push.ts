import { sql } from 'kysely';
import type { OutboxTable } from '../../db/schema';
import type { ReadTx } from '../../db/store';
import {
  createRequestOf,
  entityNamed,
  updateRequestOf,
  type ChangeRequest,
  type EntityData,
  type SyncEntity,
} from '../entities';
import { readShadow, readView } from '../local-state';
import type { Fields } from '../merge';
import type { SyncContext } from './context';
import { parseFields } from './outbox-rows';
import { handleAnswer, type PushOutcome } from './push-answers';
import { park } from './refusals';
import { announce, flushChanges } from './status';

// Push: the outbox goes to the platform in order, one change after the other; what each
// answer does to the outbox is ./push-answers.ts.

/** How often a long push tells its progress (and which entities it changed). */
const PROGRESS_EVERY = 50;

/** The first change that may go now: in order, after any refused or conflicting change of the same row. */
export function nextToSend(tx: ReadTx): OutboxTable | undefined {
  return tx.first<OutboxTable>(
    sql`select * from outbox as o where o.state = 'pending' and not exists (
          select 1 from outbox as before where before.entity = o.entity and before.entity_id = o.entity_id
          and before.position < o.position and before.state != 'pending')
        order by o.position limit 1`,
  );
}

/** The platform version of a row as last known here (for a change whose base was never set). */
function shadowVersion(ctx: SyncContext, row: OutboxTable): Promise<number> {
  return ctx.options.store.read(
    (tx) =>
      readShadow(tx, row.entity, row.entity_id)?.version ??
      readView(tx, entityNamed(row.entity)!, row.entity_id)?.version ??
      0,
  );
}

/** The request that sends one change: a creation's, a deletion's, or the update's request for what it carries. */
export async function requestOf(
  ctx: SyncContext,
  row: OutboxTable,
  entity: SyncEntity,
): Promise<ChangeRequest | undefined> {
  const payload = parseFields(row.payload);
  if (row.operation === 'create') return createRequestOf(entity, row.entity_id, payload);
  if (row.operation === 'delete') {
    const path = entity.deletePath?.(row.entity_id);
    return path ? { method: 'DELETE', path } : undefined;
  }
  const known = entity.updateRequest
    ? await ctx.options.store.read(
        (tx) =>
          readShadow(tx, row.entity, row.entity_id)?.data ??
          (readView(tx, entity, row.entity_id) as (EntityData & Fields) | undefined) ??
          {},
      )
    : {};
  return updateRequestOf(entity, row.entity_id, payload, known);
}

/** Idempotency-Key always; only an update is made on a version (If-Match), creations and deletions are simply not repeated. */
async function headersOf(ctx: SyncContext, row: OutboxTable): Promise<Record<string, string>> {
  if (row.operation !== 'update') return { 'Idempotency-Key': row.id };
  return {
    'Idempotency-Key': row.id,
    'If-Match': `"${row.base_version ?? (await shadowVersion(ctx, row))}"`,
  };
}

/** Sends one change and stores what its answer means. */
async function sendOne(
  ctx: SyncContext,
  row: OutboxTable,
  entity: SyncEntity,
  request: ChangeRequest,
): Promise<PushOutcome | 'continue'> {
  ctx.sending = row.id;
  try {
    const answer = await ctx.options.client.exchange({
      ...request,
      auth: true,
      headers: await headersOf(ctx, row),
    });
    return await handleAnswer(ctx, row, entity, answer);
  } finally {
    ctx.sending = null;
  }
}

async function pushInOrder(ctx: SyncContext): Promise<PushOutcome> {
  const total = await ctx.options.store.read(
    (tx) => tx.first<{ n: number }>(sql`select count(*) as n from outbox where state = 'pending'`)?.n ?? 0,
  );
  for (let sent = 0; ; sent++) {
    if (sent > 0 && sent % PROGRESS_EVERY === 0) {
      // A long push shows its progress (and what it already sent) every so many changes.
      ctx.progress = { done: Math.min(sent, total), total };
      flushChanges(ctx);
      await announce(ctx);
    }
    const row = await ctx.options.store.read((tx) => nextToSend(tx));
    if (!row) return 'done';
    if (row.next_attempt_at && Date.parse(row.next_attempt_at) > Date.now()) {
      ctx.schedule(Date.parse(row.next_attempt_at) - Date.now());
      return 'waiting';
    }
    const entity = entityNamed(row.entity);
    const request = entity && (await requestOf(ctx, row, entity));
    if (!entity || !request) {
      await park(ctx, row, `Modification impossible à envoyer (${row.entity}).`, undefined);
      continue;
    }
    const outcome = await sendOne(ctx, row, entity, request);
    if (outcome !== 'continue') return outcome;
  }
}

/** Sends the outbox, in order, until it is empty or a change must wait. */
export async function push(ctx: SyncContext): Promise<PushOutcome> {
  try {
    return await pushInOrder(ctx);
  } finally {
    flushChanges(ctx);
  }
}
