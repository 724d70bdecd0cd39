import type { FastifyRequest } from 'fastify';
import { verifyPassword } from '../auth/passwords';
import type { PlatformContext } from '../context';
import type { UsersTable } from '../db/schema';
import { bearerToken } from './authenticate';
import { fieldProblem } from './problem';
import { rateLimit, type LimitRule } from './rate-limit';

const WRONG_CURRENT_PASSWORD = 'Mot de passe actuel incorrect.';

/**
 * The limit per address of every route that checks a password (staff and candidate logins,
 * current-password checks): one counter of refused attempts per address, whatever the mail or
 * the route, so that a password spray from one address stops however it spreads its guesses.
 */
export function passwordFailuresPerAddress(ctx: PlatformContext): LimitRule {
  return {
    key: (request) => `password-failures:${request.ip}`,
    max: ctx.limits.passwordFailuresPerAddress,
    windowMs: ctx.limits.loginWindowMs,
    message: 'Trop de tentatives de mot de passe depuis cette adresse.',
    failuresOnly: true,
  };
}

async function accountKey(ctx: PlatformContext, request: FastifyRequest): Promise<string> {
  const token = bearerToken(request);
  if (token) {
    try {
      return `current-password:account:${(await ctx.tokens.verifyAccessToken(token)).userId}`;
    } catch {
      // The route refuses the token itself; count it against the address meanwhile.
    }
  }
  return `current-password:address:${request.ip}`;
}

/**
 * The limits of the routes that check the current password (mail and password changes,
 * account closure), as strict as the ones of logins: otherwise a stolen session could be used
 * to guess the password. One counter per account, shared by those routes, so that spreading
 * the guesses over them gains nothing; and the counter per address of every password check.
 * Spread into the route's options.
 */
export function currentPasswordLimiter(ctx: PlatformContext) {
  return rateLimit(ctx.rateLimits, [
    {
      key: (request) => accountKey(ctx, request),
      max: ctx.limits.loginAttempts,
      windowMs: ctx.limits.loginWindowMs,
      message: 'Trop de tentatives de mot de passe pour ce compte.',
    },
    passwordFailuresPerAddress(ctx),
  ]);
}

/** Refuses a wrong current password, on its field. */
export async function checkCurrentPassword(user: UsersTable, password: string): Promise<void> {
  if (!(await verifyPassword(user.password_hash, password))) {
    throw fieldProblem(422, 'wrong_password', 'currentPassword', WRONG_CURRENT_PASSWORD);
  }
}
