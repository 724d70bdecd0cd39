import { memberSchema } from '../../shared/domain/account';
import { memberParamsSchema, membersChangeSchema, transferSchema } from '../../shared/domain/members';
import { z } from '../../shared/zod';
import type { PlatformApp, PlatformContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import { toMember } from '../db/mappers';
import type { PlatformDb } from '../db/open';
import type { UsersTable } from '../db/schema';
import { bearerSecurity } from '../http/authenticate';
import { assertMember, reloadMember, requireMember } from '../http/membership';
import { fieldProblem, ProblemError } from '../http/problem';
import { changeRole, detachFromStructure } from '../members/role-changes';
import { handOverPrivateOfferBound } from '../sync/offer-bound-feed';
import { handOverPrivateOffers } from '../sync/offer-feed';

const byName = new Intl.Collator('fr', { sensitivity: 'base' });

const unknownUser = () =>
  new ProblemError(404, 'unknown_user', 'Aucun utilisateur ne correspond à cet identifiant.');
const notInStructure = () =>
  new ProblemError(403, 'not_in_structure', 'Cet utilisateur n’appartient pas à votre structure.');
const lastReferent = () =>
  new ProblemError(
    409,
    'last_referent',
    'La structure doit garder un référent : transférez d’abord vos droits.',
  );
/** Another role change of the structure got there first. */
const changedMeanwhile = () =>
  new ProblemError(
    409,
    'members_changed',
    'Les utilisateurs de la structure viennent d’être modifiés par ailleurs : rechargez la liste et recommencez.',
  );

/**
 * Runs a role change in one transaction, in which the caller must still be the référent of
 * `structureId`: a transfer committed just before may have made them a gestionnaire. The
 * unique index on the référent is the last line of defence; its refusal is a conflict, not
 * an internal error.
 */
async function asReferent<T>(
  ctx: PlatformContext,
  callerId: string,
  structureId: string,
  change: (trx: PlatformDb) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const caller = await reloadMember(trx, callerId);
      assertMember(caller, { referent: true });
      if (caller.structure_id !== structureId) throw changedMeanwhile();
      return change(trx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw changedMeanwhile();
    throw error;
  }
}

/** The user a référent acts on, who must belong (or have asked to belong) to their structure. */
async function userOfStructure(trx: PlatformDb, userId: string, structureId: string): Promise<UsersTable> {
  const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw unknownUser();
  if (user.structure_id !== structureId) throw notInStructure();
  return user;
}

export async function membersRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.get(
    '/structure/members',
    {
      schema: {
        tags: ['Utilisateurs de ma structure'],
        summary: 'Les utilisateurs de ma structure et les demandes en attente (référent)',
        description: 'Le référent d’abord, puis par nom.',
        security: bearerSecurity,
        response: { 200: z.array(memberSchema) },
      },
    },
    async (request) => {
      const { structureId } = await requireMember(ctx, request, { referent: true });
      const rows = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('structure_id', '=', structureId)
        .execute();
      return rows
        .map(toMember)
        .sort(
          (a, b) =>
            Number(b.role === 'referent') - Number(a.role === 'referent') ||
            byName.compare(a.lastName, b.lastName) ||
            byName.compare(a.firstName, b.firstName) ||
            a.id.localeCompare(b.id),
        );
    },
  );

  app.post(
    '/structure/members/:userId/approve',
    {
      schema: {
        tags: ['Utilisateurs de ma structure'],
        summary: 'Valider une demande de rattachement : le demandeur devient gestionnaire (référent)',
        security: bearerSecurity,
        params: memberParamsSchema,
        response: { 200: membersChangeSchema },
      },
    },
    async (request) => {
      const { user, structureId } = await requireMember(ctx, request, { referent: true });
      const { userId } = request.params;
      const approved = await asReferent(ctx, user.id, structureId, async (trx) => {
        const target = await userOfStructure(trx, userId, structureId);
        if (target.role) {
          throw new ProblemError(
            409,
            'not_pending',
            'Cet utilisateur est déjà membre de la structure : il n’a pas de demande en attente.',
          );
        }
        return changeRole(trx, userId, structureId, 'pending', 'gestionnaire');
      });
      if (!approved) throw changedMeanwhile();
      return { members: [toMember(approved)], removed: [] };
    },
  );

  app.post(
    '/structure/transfer',
    {
      schema: {
        tags: ['Utilisateurs de ma structure'],
        summary: 'Transférer mes droits de référent à un gestionnaire (je deviens gestionnaire)',
        security: bearerSecurity,
        body: transferSchema,
        response: { 200: membersChangeSchema },
      },
    },
    async (request) => {
      const { user, structureId } = await requireMember(ctx, request, { referent: true });
      const { userId } = request.body;
      if (userId === user.id) {
        throw fieldProblem(
          422,
          'transfer_to_self',
          'userId',
          'Vous êtes déjà le référent : choisissez le gestionnaire à qui transférer vos droits.',
        );
      }
      const changed = await asReferent(ctx, user.id, structureId, async (trx) => {
        const target = await userOfStructure(trx, userId, structureId);
        if (target.role !== 'gestionnaire') {
          throw fieldProblem(
            409,
            'not_gestionnaire',
            'userId',
            'Seul un gestionnaire peut devenir référent : validez d’abord la demande de cet utilisateur.',
          );
        }
        // The référent steps down first, so that the structure never has two at once.
        const former = await changeRole(trx, user.id, structureId, 'referent', 'gestionnaire');
        const promoted = await changeRole(trx, userId, structureId, 'gestionnaire', 'referent');
        if (!former || !promoted) throw changedMeanwhile();
        // Unshared offers (and what belongs to them) are the référent's to see: the new one's
        // desktop must receive them, offers first.
        await handOverPrivateOffers(trx, structureId);
        await handOverPrivateOfferBound(trx, structureId);
        return [promoted, former];
      });
      return { members: changed.map(toMember), removed: [] };
    },
  );

  app.delete(
    '/structure/members/:userId',
    {
      schema: {
        tags: ['Utilisateurs de ma structure'],
        summary: 'Retirer un gestionnaire de ma structure, ou refuser une demande (référent)',
        description: 'Le compte de l’utilisateur n’est pas supprimé : il n’est plus rattaché à la structure.',
        security: bearerSecurity,
        params: memberParamsSchema,
        response: { 200: membersChangeSchema },
      },
    },
    async (request) => {
      const { user, structureId } = await requireMember(ctx, request, { referent: true });
      const { userId } = request.params;
      if (userId === user.id) throw lastReferent();
      const removed = await asReferent(ctx, user.id, structureId, async (trx) => {
        const target = await userOfStructure(trx, userId, structureId);
        if (target.role === 'referent') throw lastReferent();
        return detachFromStructure(trx, userId, structureId, ['gestionnaire', 'pending']);
      });
      if (!removed) throw changedMeanwhile();
      return { members: [], removed: [removed.id] };
    },
  );
}
