import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest, onSendHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { PlatformDb } from '../db/open';
import { ProblemError } from './problem';

/** One limit on a route: at most `max` hits per key in a fixed window of `windowMs`. */
export interface LimitRule {
  /**
   * What the request is counted by, with the rule's own prefix (`login-address:…`): rules of
   * different routes giving the same key share one counter.
   */
  key: (request: FastifyRequest) => string | Promise<string>;
  max: number;
  windowMs: number;
  /** The refusal, in French; "Réessayez dans N minutes." follows. */
  message: string;
  /**
   * Only refused attempts count: an answer under 400 gives its hit back. For the limits per
   * address, so that the staff of a centre behind one address can all sign in while a
   * password spray from it is stopped.
   */
  failuresOnly?: boolean;
}

/** How often, at most, one instance deletes the counters of windows that are over. */
const PURGE_EVERY_MS = 60_000;

const hashed = (key: string) => createHash('sha256').update(key).digest('base64url');

/**
 * The counters of the rate limits, in the platform's database so that several instances share
 * them, timed by the platform's clock (tests move it instead of waiting). Written with portable
 * kysely (an upsert with RETURNING): SQLite now, PostgreSQL as well.
 */
export class RateLimitStore {
  private lastPurge = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: PlatformDb,
    private readonly clock: () => Date,
  ) {}

  /**
   * Counts one hit on `key` and returns the window's hits, its end (ms since the epoch) and how
   * long until then.
   */
  async hit(key: string, windowMs: number): Promise<{ hits: number; resetsAt: number; waitMs: number }> {
    const now = this.clock().getTime();
    await this.purge(now);
    // One statement, atomic on every engine: a window that is over starts again at 1.
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key: hashed(key), hits: 1, resets_at: now + windowMs })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => {
          const over = eb('rate_limits.resets_at', '<=', now);
          return {
            hits: eb
              .case()
              .when(over)
              .then(1)
              .else(eb('rate_limits.hits', '+', 1))
              .end(),
            resets_at: eb
              .case()
              .when(over)
              .then(now + windowMs)
              .else(eb.ref('rate_limits.resets_at'))
              .end(),
          };
        }),
      )
      .returning(['hits', 'resets_at'])
      .executeTakeFirstOrThrow();
    // PostgreSQL drivers give bigints as strings.
    const resetsAt = Number(row.resets_at);
    return { hits: Number(row.hits), resetsAt, waitMs: resetsAt - now };
  }

  /** Gives back a hit counted in the window ending at `resetsAt` (not in a later one). */
  async giveBack(key: string, resetsAt: number): Promise<void> {
    await this.db
      .updateTable('rate_limits')
      .set((eb) => ({ hits: eb('hits', '-', 1) }))
      .where('key', '=', hashed(key))
      .where('resets_at', '=', resetsAt)
      .where('hits', '>', 0)
      .execute();
  }

  private async purge(now: number): Promise<void> {
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    await this.db.deleteFrom('rate_limits').where('resets_at', '<=', now).execute();
  }
}

function minutes(ms: number): string {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return n === 1 ? '1 minute' : `${n} minutes`;
}

type Refund = { key: string; resetsAt: number };
const refunds = new WeakMap<FastifyRequest, Refund[]>();

/**
 * The hooks limiting a route by these rules, to spread into its options. They run after body
 * validation, so that keys can use the normalised mail. Over any rule the request is refused
 * with 429, a French problem and Retry-After (the longest wait of the rules it is over).
 */
export function rateLimit(
  store: RateLimitStore,
  rules: LimitRule[],
): { preHandler: preHandlerAsyncHookHandler; onSend: onSendHookHandler } {
  const preHandler = async (request: FastifyRequest) => {
    let refused: { rule: LimitRule; waitMs: number } | undefined;
    const toRefund: Refund[] = [];
    for (const rule of rules) {
      const key = await rule.key(request);
      const { hits, resetsAt, waitMs } = await store.hit(key, rule.windowMs);
      if (rule.failuresOnly) toRefund.push({ key, resetsAt });
      if (hits > rule.max && (!refused || waitMs > refused.waitMs)) refused = { rule, waitMs };
    }
    if (refused) {
      throw new ProblemError(
        429,
        'rate_limited',
        `${refused.rule.message} Réessayez dans ${minutes(refused.waitMs)}.`,
        undefined,
        { 'Retry-After': String(Math.max(1, Math.ceil(refused.waitMs / 1000))) },
      );
    }
    refunds.set(request, toRefund);
  };
  // onSend, not onResponse: the hit is given back before the client has its answer, so that
  // its next attempt finds the counter settled.
  const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const owed = refunds.get(request);
    if (owed && reply.statusCode < 400) {
      for (const { key, resetsAt } of owed) await store.giveBack(key, resetsAt);
    }
    return payload;
  };
  return {
    preHandler: preHandler as preHandlerAsyncHookHandler,
    onSend: onSend as onSendHookHandler,
  };
}
