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

/**
 * Runs a mutation once per `Idempotency-Key`: the key and the first successful answer are
 * stored in the mutation's own transaction, so a retry (or a duplicated delivery, or a retry
 * after the answer was lost on the way back) gets that answer again and changes nothing.
 * Refusals are not stored: nothing was applied, the client may fix and resend under the same key.
 */
export async function idempotent(
  ctx: PlatformContext,
  request: FastifyRequest,
  userId: string,
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
      const stored = await trx
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirst();
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
        await trx
          .deleteFrom('idempotency_keys')
          .where('user_id', '=', userId)
          .where('created_at', '<', new Date(Date.now() - KEY_RETENTION_MS).toISOString())
          .execute();
      }
      await trx
        .insertInto('idempotency_keys')
        .values({
          user_id: userId,
          key,
          request_hash: hash,
          status: outcome.status,
          body: JSON.stringify(outcome.body),
          created_at: new Date().toISOString(),
        })
        .execute();
    }
    return { ...outcome, replayed: false };
  });
}
