import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/domain/account';
import type { PlatformContext } from '../context';
import type { PlatformDb } from '../db/open';
import type { UsersTable } from '../db/schema';
import { requireUser } from './authenticate';
import { ProblemError } from './problem';

/** A user approved in a structure: attached to it, with a role. */
export type MemberRow = UsersTable & { structure_id: string; role: Role };

const noStructure = () =>
  new ProblemError(
    404,
    'no_structure',
    'Aucune structure n’est rattachée à ce compte : indiquez le Siret de votre structure.',
  );

const membershipPending = () =>
  new ProblemError(
    403,
    'membership_pending',
    'Votre demande de rattachement à cette structure attend la validation de son référent.',
  );

export const referentOnly = () =>
  new ProblemError(403, 'referent_only', 'Seul le référent de la structure peut gérer ses utilisateurs.');

/**
 * Refuses a user who is not a member of a structure: none attached (404), a request not yet
 * approved (403, a pending collaborator sees none of the structure's data), or not its référent
 * when the action needs one (403).
 */
export function assertMember(
  user: UsersTable,
  options: { referent?: boolean } = {},
): asserts user is MemberRow {
  if (!user.structure_id) throw noStructure();
  if (!user.role) throw membershipPending();
  if (options.referent && user.role !== 'referent') throw referentOnly();
}

/** The signed-in member of a structure (see assertMember), and that structure's id. */
export async function requireMember(
  ctx: PlatformContext,
  request: FastifyRequest,
  options: { referent?: boolean } = {},
): Promise<{ user: MemberRow; structureId: string }> {
  const user = await requireUser(ctx, request);
  assertMember(user, options);
  return { user, structureId: user.structure_id };
}

/**
 * The caller as they are now, inside a write: a removal or a transfer may have committed since
 * the request was authenticated, and the write must follow what is true now.
 */
export async function reloadMember(trx: PlatformDb, userId: string): Promise<MemberRow> {
  const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw new ProblemError(401, 'token_invalid', 'Ce compte n’existe plus.');
  assertMember(user);
  return user;
}
