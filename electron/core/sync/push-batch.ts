import { sql } from 'kysely';
import { PUSH_BATCH_MAX, pushResponseSchema, type PushMutation } from '../../../shared/api/sync';
import type { OutboxTable } from '../db/schema';
import type { ReadTx, WriteTx } from '../db/store';
import type { Exchange } from '../platform/client';
import type { ChangeRequest } from './entities';

/** One change of the outbox ready to go in a batch, with the request its single path would send. */
export interface BatchItem<E> {
  row: OutboxTable;
  entity: E;
  request: ChangeRequest;
}

/**
 * The changes that may go now, in outbox order, as many as a batch takes: pending, after no
 * refused or conflicting change of the same row, and before the first one still waiting for its
 * retry time (that one, and what follows, wait with it as on the single path).
 */
export function sendableRows(tx: ReadTx, now: number, max = PUSH_BATCH_MAX): OutboxTable[] {
  const rows = tx.all<OutboxTable>(
    sql`select * from outbox as o where o.state = 'pending' and not exists (
          select 1 from outbox as before where before.entity = o.entity and before.entity_id = o.entity_id
          and before.position < o.position and before.state != 'pending')
        order by o.position limit ${max}`,
  );
  const ready: OutboxTable[] = [];
  for (const row of rows) {
    if (row.next_attempt_at && Date.parse(row.next_attempt_at) > now) break;
    ready.push(row);
  }
  return ready;
}

/**
 * The batch of `items` as the platform takes it (POST /sync/push), and how many of them it holds:
 * it ends before a change it cannot carry. Each mutation keeps its own Idempotency-Key; an update
 * carries the version it was made on, or, when an earlier change of the same row is in the batch,
 * `onTopOf` that change (its version is known only once the platform applied it). A creation of
 * a row already in the batch, or an update after its deletion, waits for the next batch.
 */
export function mutationsOf<E>(
  items: ReadonlyArray<BatchItem<E>>,
  baseVersionOf: (row: OutboxTable) => number,
): PushMutation[] {
  const mutations: PushMutation[] = [];
  const lastOfRow = new Map<string, number>();
  for (const { row, request } of items) {
    const key = `${row.entity}:${row.entity_id}`;
    const previous = lastOfRow.get(key);
    if (previous !== undefined && (row.operation === 'create' || mutations[previous]!.method === 'DELETE'))
      break;
    const mutation: PushMutation = {
      idempotencyKey: row.id,
      method: request.method,
      path: request.path,
      ...(request.body === undefined ? {} : { body: request.body }),
    };
    // Only an update is made on a version; creations and deletions are simply not repeated.
    if (row.operation === 'update') {
      if (previous === undefined) mutation.baseVersion = baseVersionOf(row);
      else mutation.onTopOf = previous;
    }
    lastOfRow.set(key, mutations.length);
    mutations.push(mutation);
  }
  return mutations;
}

/**
 * The platform's answer to a batch, as the answers each mutation's single request would have had:
 * one per mutation the platform went through (applied, or the refusal that stopped it), none for
 * those it did not run. An answer about the batch as a whole (offline, session expired, busy) is
 * the first mutation's, as if its own request had met it. `unsupported`: a platform without the
 * batch path (or refusing this batch as a batch): the changes go one by one.
 */
export function answersOf(answer: Exchange, count: number): Exchange[] | 'unsupported' {
  if (answer.kind === 'http' && [400, 404, 405, 413, 415].includes(answer.status)) return 'unsupported';
  if (answer.kind !== 'ok') return [answer];
  const parsed = pushResponseSchema.safeParse(answer.data);
  if (!parsed.success || parsed.data.results.length !== count) return 'unsupported';
  const answers: Exchange[] = [];
  for (const result of parsed.data.results) {
    if (result.outcome === 'not_applied') break;
    if (result.outcome === 'applied') {
      answers.push({ kind: 'ok', data: result.data });
      continue;
    }
    answers.push({
      kind: 'http',
      status: result.status,
      message: result.problem.detail,
      problem: result.problem,
      retryAfterMs: result.retryAfter === undefined ? undefined : result.retryAfter * 1000,
    });
    break;
  }
  return answers;
}

/**
 * A batch whose answer never came may have been applied whole: its changes count as sent (a
 * deletion of one of them no longer cancels quietly; see SyncEngine.mayHaveArrived).
 */
export function markMaybeArrived(tx: WriteTx, ids: readonly string[]): void {
  for (const id of ids) tx.run(sql`update outbox set attempts = max(attempts, 1) where id = ${id}`);
}
