import type { FastifyRequest } from 'fastify';
import type { PlatformContext } from '../context';
import type { UsersTable } from '../db/schema';
import { ProblemError } from './problem';

/** Swagger's description of the bearer requirement, for protected routes. */
export const bearerSecurity = [{ bearerAuth: [] }];

/** The signed-in user of a request, or a 401 problem. */
export async function requireUser(ctx: PlatformContext, request: FastifyRequest): Promise<UsersTable> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    throw new ProblemError(401, 'token_missing', 'Connexion requise : jeton d’accès absent.', undefined, {
      'WWW-Authenticate': 'Bearer',
    });
  }
  const userId = await ctx.tokens.verifyAccessToken(match[1]!);
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw new ProblemError(401, 'token_invalid', 'Ce compte n’existe plus.');
  return user;
}
