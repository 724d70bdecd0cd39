import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problem';

function minutes(ms: number): string {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return n === 1 ? '1 minute' : `${n} minutes`;
}

/** A per-route rate limit whose refusal is a French problem+json with Retry-After. */
export function rateLimitRule(options: {
  max: number;
  windowMs: number;
  key: (request: FastifyRequest) => string | Promise<string>;
  message: string;
}) {
  return {
    max: options.max,
    timeWindow: options.windowMs,
    // After body validation, so the key can use the normalised mail.
    hook: 'preHandler' as const,
    keyGenerator: options.key,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      new ProblemError(
        429,
        'rate_limited',
        `${options.message} Réessayez dans ${minutes(context.ttl)}.`,
        undefined,
        {
          'Retry-After': String(Math.max(1, Math.ceil(context.ttl / 1000))),
        },
      ),
  };
}
