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
  save(
    trx: PlatformDb,
    entry: { key: string; request_hash: string; status: number; body: string; created_at: string },
  ): Promise<unknown>;
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
    save: (trx, entry) =>
      trx
        .insertInto('idempotency_keys')
        .values({ user_id: userId, ...entry })
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
    save: (trx, entry) =>
      trx
        .insertInto('candidate_idempotency_keys')
        .values({ candidate_id: candidateId, ...entry })
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
    if (key) {
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
      await keys.save(trx, {
        key,
        request_hash: hash,
        status: outcome.status,
        body: JSON.stringify(outcome.body),
        created_at: new Date().toISOString(),
      });
    }
    return { ...outcome, replayed: false };
  });
}
