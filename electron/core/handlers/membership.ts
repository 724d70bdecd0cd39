import { AppError } from '../../../shared/ipc/errors';
import { readLocalSession } from '../session/local-session';
import type { HandlerContext } from './context';

export const MEMBERS_ONLY =
  'Rattachez d’abord votre compte à une structure, et attendez que son référent accepte votre demande : ses employeurs et ses offres s’afficheront ensuite.';

/** The open account of a member of a structure (référent or gestionnaire), with the user and the structure. */
export async function requireMember(ctx: HandlerContext) {
  const account = ctx.sessions.requireAccount();
  const { user, structure } = await readLocalSession(account.store);
  if (!user) throw new AppError('unauthorized', 'Connectez-vous pour accéder à cette page.');
  // A pending collaborator holds none of the structure's data, and may not add to it.
  if (!user.role || !structure) throw new AppError('forbidden', MEMBERS_ONLY);
  return { ...account, user, structure };
}

/** How a member signs what they do (a reply, a favourite, a contact): "Prénom Nom". */
export function memberName(user: { firstName: string; lastName: string }): string {
  return `${user.firstName} ${user.lastName}`;
}
