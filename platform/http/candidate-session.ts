import type { FastifyRequest } from 'fastify';
import type { PlatformContext } from '../context';
import type { CandidatesTable } from '../db/schema';
import { accessClaims } from './authenticate';
import { ProblemError } from './problem';

const notACandidate = () =>
  new ProblemError(
    403,
    'not_a_candidate',
    'Cette partie de la plateforme est réservée aux candidats : connectez-vous avec un compte candidat.',
  );

/** The signed-in candidate of a request: 401 without a valid token, 403 for a staff token. */
export async function requireCandidate(
  ctx: PlatformContext,
  request: FastifyRequest,
): Promise<CandidatesTable> {
  const { userId, kind } = await accessClaims(ctx, request);
  if (kind !== 'candidate') throw notACandidate();
  const candidate = await ctx.db
    .selectFrom('candidates')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!candidate) throw new ProblemError(401, 'token_invalid', 'Ce compte candidat n’existe plus.');
  return candidate;
}
