import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TokenService } from './auth/tokens';
import type { PlatformDb } from './db/open';
import type { RateLimitStore } from './http/rate-limit';
import type { LiveFeed } from './sync/live-feed';

/** What every route module needs. */
export interface PlatformContext {
  db: PlatformDb;
  tokens: TokenService;
  nafLabels: ReadonlyMap<string, string>;
  limits: RateLimits;
  /** The counters of the rate limits, shared by the instances through the database. */
  rateLimits: RateLimitStore;
  /** The time offers are published and archived by (tests move it). */
  clock: () => Date;
  /** The live streams of this instance and where they hear of new feed entries. */
  live: LiveFeed;
}

export interface RateLimits {
  /** Failed or not, login attempts allowed per mail and address in `loginWindowMs`. */
  loginAttempts: number;
  loginWindowMs: number;
  /**
   * Refused password checks one address may make in `loginWindowMs`, whatever the mail: staff
   * and candidate logins and current-password checks together (against password spraying).
   */
  passwordFailuresPerAddress: number;
  /** Accounts one address may create in `registrationWindowMs`. */
  registrations: number;
  registrationWindowMs: number;
}

export type PlatformApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
