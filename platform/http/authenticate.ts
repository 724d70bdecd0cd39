import type { FastifyRequest } from 'fastify';
import type { AccessClaims } from '../auth/tokens';
import type { PlatformContext } from '../context';
import type { UsersTable } from '../db/schema';
import { ProblemError } from './problem';

/** Swagger's description of the bearer requirement, for protected routes. */
export const bearerSecurity = [{ bearerAuth: [] }];

/** The access token of `Authorization: Bearer …`, if the header has that form. */
export function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** The refusal of a candidate's token (or credentials) where only staff may go. */
export const candidateAccount = () =>
  new ProblemError(
    403,
    'candidate_account',
    'Ce compte est un compte candidat : l’application est réservée aux structures.',
  );

/** The claims of the request's access token, or a 401 problem. */
export async function accessClaims(ctx: PlatformContext, request: FastifyRequest): Promise<AccessClaims> {
  const token = bearerToken(request);
  if (!token) {
    throw new ProblemError(401, 'token_missing', 'Connexion requise : jeton d’accès absent.', undefined, {
      'WWW-Authenticate': 'Bearer',
    });
  }
  return ctx.tokens.verifyAccessToken(token);
}

/**
 * The signed-in user of a request and the session their token belongs to, or a 401 problem
 * (403 for a candidate's token: staff routes are not theirs).
 */
export async function requireSession(
  ctx: PlatformContext,
  request: FastifyRequest,
): Promise<{ user: UsersTable; sessionId: string }> {
  const claims = await accessClaims(ctx, request);
  if (claims.kind === 'candidate') throw candidateAccount();
  const user = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', claims.userId)
    .executeTakeFirst();
  if (!user) throw new ProblemError(401, 'token_invalid', 'Ce compte n’existe plus.');
  return { user, sessionId: claims.sessionId };
}

/** The signed-in user of a request, or a 401 problem. */
export async function requireUser(ctx: PlatformContext, request: FastifyRequest): Promise<UsersTable> {
  return (await requireSession(ctx, request)).user;
}
