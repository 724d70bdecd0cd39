import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformContext } from '../context';
import type { PlatformDb } from '../db/open';
import { idempotent } from './idempotency';
import { etag, requiredIfMatch, staleVersion } from './versions';

interface VersionedUpdate<Row extends { version: number }, Body extends { version: number }> {
  /** The resource, for the 412 message ("La structure a été modifiée…"). */
  what: string;
  load: (trx: PlatformDb) => Promise<Row>;
  toBody: (row: Row) => Body;
  /** False for an empty patch: answered with the current resource, version unchanged. */
  changes: boolean;
  /**
   * Judged before the versions are compared, for what the version the change was made on cannot
   * alter: throws a refusal no merge would fix (a reply to an application the candidate has
   * abandoned), or returns true when the change is already there (answered unchanged).
   */
  settled?: (current: Row) => boolean;
  /** Writes the patch with `version` + 1 and returns the new row. */
  update: (trx: PlatformDb, current: Row) => Promise<Row>;
  /** Appends the new state to the structure's change feed (absent when `update` does it itself). */
  record?: (trx: PlatformDb, row: Row) => Promise<unknown>;
}

/**
 * The sync protocol of every update (DESIGN.md §4): If-Match required and checked (412 with the
 * current resource), applied once per Idempotency-Key, recorded in the change feed in the same
 * transaction, answered with the new ETag.
 */
export async function versionedUpdate<Row extends { version: number }, Body extends { version: number }>(
  ctx: PlatformContext,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  spec: VersionedUpdate<Row, Body>,
): Promise<FastifyReply> {
  const expected = requiredIfMatch(request);
  const outcome = await idempotent(ctx, request, userId, async (trx) => {
    const current = await spec.load(trx);
    if (spec.settled?.(current)) return { status: 200, body: spec.toBody(current) };
    if (expected !== current.version) throw staleVersion(spec.what, spec.toBody(current));
    if (!spec.changes) return { status: 200, body: spec.toBody(current) };
    const row = await spec.update(trx, current);
    await spec.record?.(trx, row);
    return { status: 200, body: spec.toBody(row) };
  });
  const body = outcome.body as Body;
  return reply.code(outcome.status).header('ETag', etag(body.version)).send(body);
}

/**
 * A row's columns without its primary key, for an UPDATE: setting the key, even to the same
 * value, makes SQLite check every table that references it (a scan of all the structure's
 * users and idempotency keys at each update).
 */
export function withoutKey<T extends { id: string }>(columns: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = columns;
  return rest;
}
