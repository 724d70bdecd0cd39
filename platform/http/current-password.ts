import type { preHandlerAsyncHookHandler } from 'fastify';
import { verifyPassword } from '../auth/passwords';
import type { PlatformApp, PlatformContext } from '../context';
import type { UsersTable } from '../db/schema';
import { bearerToken } from './authenticate';
import { fieldProblem } from './problem';
import { rateLimitRule } from './rate-limit';

const WRONG_CURRENT_PASSWORD = 'Mot de passe actuel incorrect.';

const limiters = new WeakMap<PlatformContext, preHandlerAsyncHookHandler>();

/**
 * The limiter of the routes that check the current password (mail and password changes,
 * account closure), as strict as the one of logins: otherwise a stolen session could be used
 * to guess the password. One counter per account, shared by those routes (one handler, one
 * store, one per platform), so that spreading the guesses over them gains nothing.
 */
export function currentPasswordLimiter(app: PlatformApp, ctx: PlatformContext): preHandlerAsyncHookHandler {
  const existing = limiters.get(ctx);
  if (existing) return existing;
  const limiter = app.rateLimit(
    rateLimitRule({
      max: ctx.limits.loginAttempts,
      windowMs: ctx.limits.loginWindowMs,
      key: async (request) => {
        const token = bearerToken(request);
        if (token) {
          try {
            return `account:${(await ctx.tokens.verifyAccessToken(token)).userId}`;
          } catch {
            // The route refuses the token itself; count it against the address meanwhile.
          }
        }
        return `address:${request.ip}`;
      },
      message: 'Trop de tentatives de mot de passe pour ce compte.',
    }),
  ) as preHandlerAsyncHookHandler;
  limiters.set(ctx, limiter);
  return limiter;
}

/** Refuses a wrong current password, on its field. */
export async function checkCurrentPassword(user: UsersTable, password: string): Promise<void> {
  if (!(await verifyPassword(user.password_hash, password))) {
    throw fieldProblem(422, 'wrong_password', 'currentPassword', WRONG_CURRENT_PASSWORD);
  }
}
