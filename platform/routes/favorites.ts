import { uuidSchema } from '../../shared/domain/fields';
import { favoriteSchema } from '../../shared/domain/profiles';
import { z } from '../../shared/zod';
import type { PlatformApp, PlatformContext } from '../context';
import { addFavorite, removeFavorite } from '../favorites/favorites';
import { bearerSecurity } from '../http/authenticate';
import { reloadMember, requireMember } from '../http/membership';
import { PROFILE_GONE } from '../profiles/staff-view';
import { idempotent } from '../sync/idempotency';
import { idempotencyHeaders } from './sync';

const favoriteParams = z.object({ profileId: uuidSchema });

/** The body of `PUT /favorites/{profileId}`: nothing (the profile is in the path). */
const noBody = z.object({}).strict().nullish();

const SHARED =
  'Les favoris appartiennent à la structure : tous ses membres les voient (entité « favorite » du flux de synchronisation, dont l’identifiant est celui du profil).';

/** "Ajouter aux favoris", "Retirer des favoris". */
export async function favoritesRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.put(
    '/favorites/:profileId',
    {
      schema: {
        tags: ['Profils'],
        summary: 'Ajouter ce profil aux favoris de ma structure',
        description: `Un profil déjà en favori est renvoyé tel quel (200 dans les deux cas). 404 « ${PROFILE_GONE} » quand il n’existe plus ; il quitte les favoris quand le candidat le supprime ou ferme son compte. ${SHARED} Idempotency-Key : une requête rejouée reçoit la même réponse.`,
        security: bearerSecurity,
        headers: idempotencyHeaders,
        params: favoriteParams,
        body: noBody,
        response: { 200: favoriteSchema },
      },
    },
    async (request) => {
      const { user } = await requireMember(ctx, request);
      const outcome = await idempotent(ctx, request, user.id, async (trx) => ({
        status: 200,
        body: await addFavorite(trx, await reloadMember(trx, user.id), request.params.profileId, ctx.clock()),
      }));
      return outcome.body as z.infer<typeof favoriteSchema>;
    },
  );

  app.delete(
    '/favorites/:profileId',
    {
      schema: {
        tags: ['Profils'],
        summary: 'Retirer ce profil des favoris de ma structure',
        description: `204 aussi quand il n’y était pas (ou plus). ${SHARED} Idempotency-Key : une requête rejouée reçoit la même réponse, même si le profil a été remis en favori entre-temps.`,
        security: bearerSecurity,
        headers: idempotencyHeaders,
        params: favoriteParams,
        response: { 204: z.null().describe('Retiré des favoris') },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      await idempotent(ctx, request, user.id, async (trx) => {
        const member = await reloadMember(trx, user.id);
        await removeFavorite(trx, member.structure_id, request.params.profileId);
        return { status: 204, body: null };
      });
      return reply.code(204).send(null);
    },
  );
}
