import { joinRequestSchema, type JoinRequest } from '../../shared/domain/structure';
import { z } from '../../shared/zod';
import type { PlatformApp, PlatformContext } from '../context';
import type { StructuresTable, UsersTable } from '../db/schema';
import { bearerSecurity, requireUser } from '../http/authenticate';
import { ProblemError } from '../http/problem';
import { detachFromStructure } from '../members/role-changes';

const noRequest = () =>
  new ProblemError(404, 'no_request', 'Votre compte n’a aucune demande de rattachement en attente.');

/** What a pending collaborator may know of the structure: the directory's public facts. */
export function toJoinRequest(structure: StructuresTable, user: UsersTable): JoinRequest {
  return {
    siret: structure.siret,
    legalName: structure.legal_name,
    communeName: structure.commune_name,
    requestedAt: user.structure_joined_at ?? user.updated_at,
  };
}

export async function joinRequestRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.get(
    '/structure/request',
    {
      schema: {
        tags: ['Structure'],
        summary: 'Ma demande de rattachement en attente de validation',
        security: bearerSecurity,
        response: { 200: joinRequestSchema },
      },
    },
    async (request) => {
      const user = await requireUser(ctx, request);
      if (!user.structure_id || user.role) throw noRequest();
      const structure = await ctx.db
        .selectFrom('structures')
        .selectAll()
        .where('id', '=', user.structure_id)
        .executeTakeFirstOrThrow();
      return toJoinRequest(structure, user);
    },
  );

  app.delete(
    '/structure/request',
    {
      schema: {
        tags: ['Structure'],
        summary: 'Annuler ma demande de rattachement',
        security: bearerSecurity,
        response: { 204: z.null().describe('Demande annulée') },
      },
    },
    async (request, reply) => {
      const user = await requireUser(ctx, request);
      if (!user.structure_id || user.role) throw noRequest();
      const structureId = user.structure_id;
      const withdrawn = await ctx.db
        .transaction()
        .execute((trx) => detachFromStructure(trx, user.id, structureId, ['pending']));
      // Approved or refused meanwhile: there is no request left to withdraw.
      if (!withdrawn) throw noRequest();
      return reply.code(204).send(null);
    },
  );
}
