import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from '../../shared/api/sync';
import type { PlatformContext } from '../context';
import type { PlatformDb } from '../db/open';
import { ProblemError } from '../http/problem';

/** How long a key is remembered: longer than any desktop stays offline with unsent changes. */
const KEY_RETENTION_MS = 90 * 86_400_000;

export interface Outcome {
  status: number;
  body: unknown;
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(
      `${request.method} ${request.url.split('?')[0]}\n${request.headers['if-match'] ?? ''}\n${JSON.stringify(request.body ?? null)}`,
    )
    .digest('base64url');
}

/** Where the keys of one caller are kept: staff's and candidates' live in separate tables. */
interface KeyStore {
  find(
    trx: PlatformDb,
    key: string,
  ): Promise<{ request_hash: string; status: number; body: string } | undefined>;
  /** Inserts the key unless it exists; true when this transaction inserted it. */
  claim(
    trx: PlatformDb,
    entry: { key: string; request_hash: string; status: number; body: string; created_at: string },
  ): Promise<boolean>;
  complete(trx: PlatformDb, key: string, outcome: { status: number; body: string }): Promise<unknown>;
  forgetBefore(trx: PlatformDb, createdAt: string): Promise<unknown>;
}

function staffKeys(userId: string): KeyStore {
  return {
    find: (trx, key) =>
      trx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status', 'body'])
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirst(),
    claim: async (trx, entry) =>
      (await trx
        .insertInto('idempotency_keys')
        .values({ user_id: userId, ...entry })
        .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst()) !== undefined,
    complete: (trx, key, outcome) =>
      trx
        .updateTable('idempotency_keys')
        .set(outcome)
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .execute(),
    forgetBefore: (trx, createdAt) =>
      trx
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', userId)
        .where('created_at', '<', createdAt)
        .execute(),
  };
}

function candidateKeys(candidateId: string): KeyStore {
  return {
    find: (trx, key) =>
      trx
        .selectFrom('candidate_idempotency_keys')
        .select(['request_hash', 'status', 'body'])
        .where('candidate_id', '=', candidateId)
        .where('key', '=', key)
        .executeTakeFirst(),
    claim: async (trx, entry) =>
      (await trx
        .insertInto('candidate_idempotency_keys')
        .values({ candidate_id: candidateId, ...entry })
        .onConflict((oc) => oc.columns(['candidate_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst()) !== undefined,
    complete: (trx, key, outcome) =>
      trx
        .updateTable('candidate_idempotency_keys')
        .set(outcome)
        .where('candidate_id', '=', candidateId)
        .where('key', '=', key)
        .execute(),
    forgetBefore: (trx, createdAt) =>
      trx
        .deleteFrom('candidate_idempotency_keys')
        .where('candidate_id', '=', candidateId)
        .where('created_at', '<', createdAt)
        .execute(),
  };
}

/**
 * Runs a mutation once per `Idempotency-Key`: the key and the first successful answer are
 * stored in the mutation's own transaction, so a retry (or a duplicated delivery, or a retry
 * after the answer was lost on the way back) gets that answer again and changes nothing.
 * Refusals are not stored: nothing was applied, the client may fix and resend under the same key.
 */
export function idempotent(
  ctx: PlatformContext,
  request: FastifyRequest,
  userId: string,
  run: (trx: PlatformDb) => Promise<Outcome>,
): Promise<Outcome & { replayed: boolean }> {
  return once(ctx, request, staffKeys(userId), run);
}

/** The same for a candidate's requests (their keys are theirs, and go with their account). */
export function candidateIdempotent(
  ctx: PlatformContext,
  request: FastifyRequest,
  candidateId: string,
  run: (trx: PlatformDb) => Promise<Outcome>,
): Promise<Outcome & { replayed: boolean }> {
  return once(ctx, request, candidateKeys(candidateId), run);
}

async function once(
  ctx: PlatformContext,
  request: FastifyRequest,
  keys: KeyStore,
  run: (trx: PlatformDb) => Promise<Outcome>,
): Promise<Outcome & { replayed: boolean }> {
  const header = request.headers[IDEMPOTENCY_KEY_HEADER];
  const parsed = header === undefined ? undefined : idempotencyKeySchema.safeParse(header);
  if (parsed && !parsed.success) {
    throw new ProblemError(
      400,
      'idempotency_key',
      parsed.error.issues[0]?.message ?? 'Idempotency-Key invalide.',
    );
  }
  const key = parsed?.data;
  const hash = requestHash(request);
  return ctx.db.transaction().execute(async (trx) => {
    // The key is claimed first, before the mutation runs: on PostgreSQL a second request with the
    // same key (on this instance or another) waits at its own claim for this transaction to end,
    // then replays the stored answer, or runs if this one was refused (rolled back). Never both.
    const claimed =
      key !== undefined &&
      (await keys.claim(trx, {
        key,
        request_hash: hash,
        status: 0,
        body: 'null',
        created_at: new Date().toISOString(),
      }));
    if (key && !claimed) {
      const stored = await keys.find(trx, key);
      if (stored) {
        if (stored.request_hash !== hash) {
          throw new ProblemError(
            422,
            'idempotency_mismatch',
            'Cette Idempotency-Key a déjà servi pour une autre requête.',
          );
        }
        return { status: stored.status, body: JSON.parse(stored.body) as unknown, replayed: true };
      }
    }
    const outcome = await run(trx);
    if (key) {
      // A retry comes within minutes or days, not months: old keys go (now and then, not at every write).
      if (Math.random() < 0.01) {
        await keys.forgetBefore(trx, new Date(Date.now() - KEY_RETENTION_MS).toISOString());
      }
      await keys.complete(trx, key, { status: outcome.status, body: JSON.stringify(outcome.body) });
    }
    return { ...outcome, replayed: false };
  });
}
