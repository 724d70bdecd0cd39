import { sql } from 'kysely';
import type { OutboxTable } from '../../db/schema';
import type { ReadTx } from '../../db/store';
import type { PushMutation } from '../../../../shared/api/sync';
import type { Exchange } from '../../platform/client';
import { answersOf, markMaybeArrived, mutationsOf, sendableRows, type BatchItem } from '../push-batch';
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

// Push: the outbox goes to the platform in order, in batches when several changes wait
// (../push-batch.ts), one by one otherwise; what each answer does to the outbox is
// ./push-answers.ts, the same for a change sent alone or in a batch.

/** How often a long push tells its progress (and which entities it changed); a batch holds as many. */
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
  ctx.sending.add(row.id);
  try {
    const answer = await ctx.options.client.exchange({
      ...request,
      auth: true,
      headers: await headersOf(ctx, row),
    });
    return await handleAnswer(ctx, row, entity, answer);
  } finally {
    ctx.sending.clear();
  }
}

/** The changes that go together next, each with its request, and their batch. */
async function batchFrom(ctx: SyncContext) {
  const rows = await ctx.options.store.read((tx) => sendableRows(tx, Date.now(), PROGRESS_EVERY));
  const items: Array<BatchItem<SyncEntity>> = [];
  const versions = new Map<string, number>();
  for (const row of rows) {
    const entity = entityNamed(row.entity);
    const request = entity && (await requestOf(ctx, row, entity));
    // One the platform cannot take is parked by the single path, when its turn comes.
    if (!entity || !request) break;
    if (row.operation === 'update' && row.base_version === null)
      versions.set(row.id, await shadowVersion(ctx, row));
    items.push({ row, entity, request });
  }
  const mutations = mutationsOf(items, (row) => row.base_version ?? versions.get(row.id)!);
  return { items: items.slice(0, mutations.length), mutations };
}

/**
 * One batch sent, then each change's answer handled in order exactly as its single request's
 * would be (acknowledged, merged, parked, retried later); those the platform did not run stay.
 */
async function sendBatch(
  ctx: SyncContext,
  items: ReadonlyArray<BatchItem<SyncEntity>>,
  mutations: PushMutation[],
): Promise<PushOutcome | 'continue' | 'unsupported'> {
  for (const { row } of items) ctx.sending.add(row.id);
  let answer: Exchange;
  try {
    answer = await ctx.options.client.exchange({
      method: 'POST',
      path: '/sync/push',
      body: { mutations },
      auth: true,
    });
  } finally {
    ctx.sending.clear();
  }
  const answers = answersOf(answer, items.length);
  if (answers === 'unsupported') return 'unsupported';
  if (answer.kind !== 'ok')
    await ctx.options.store.write((tx) =>
      markMaybeArrived(
        tx,
        items.slice(1).map((i) => i.row.id),
      ),
    );
  for (const [index, result] of answers.entries()) {
    const { row: sent, entity } = items[index]!;
    // An earlier answer of the batch may have moved this change onto a new version (handOverBase).
    const now = await ctx.options.store.read((tx) =>
      tx.first<{ base_version: number | null }>(sql`select base_version from outbox where id = ${sent.id}`),
    );
    const outcome = await handleAnswer(
      ctx,
      now ? { ...sent, base_version: now.base_version } : sent,
      entity,
      result,
    );
    if (outcome !== 'continue') return outcome;
  }
  return 'continue';
}

async function pushInOrder(ctx: SyncContext): Promise<PushOutcome> {
  const total = await ctx.options.store.read(
    (tx) => tx.first<{ n: number }>(sql`select count(*) as n from outbox where state = 'pending'`)?.n ?? 0,
  );
  let batches = !ctx.options.legacyPush;
  for (let sent = 0, shown = 0; ;) {
    if (sent - shown >= PROGRESS_EVERY) {
      // A long push shows its progress (and what it already sent) every so many changes.
      shown = sent;
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
    if (batches) {
      const batch = await batchFrom(ctx);
      if (batch.items.length > 1) {
        const outcome = await sendBatch(ctx, batch.items, batch.mutations);
        if (outcome === 'unsupported') batches = false;
        else if (outcome !== 'continue') return outcome;
        else sent += batch.items.length;
        continue;
      }
    }
    sent += 1;
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
