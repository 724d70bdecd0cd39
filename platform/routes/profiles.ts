import { uuidSchema } from '../../shared/domain/fields';
import {
  CONTACT_OFFER_NOT_OPEN,
  contactCreateSchema,
  contactSchema,
  PROFILE_SEARCH_MAX_KM,
  profileSchema,
  PROFILES_PAGE_SIZE,
  profilesPageSchema,
  profilesQuerySchema,
} from '../../shared/domain/profiles';
import { z } from '../../shared/zod';
import { contactFromColumns } from '../../shared/db/profile-rows';
import { contactProfile, OFFER_UNKNOWN } from '../contacts/new-contact';
import type { PlatformApp, PlatformContext } from '../context';
import { bearerSecurity } from '../http/authenticate';
import { reloadMember, requireMember } from '../http/membership';
import { archiveExpiredOffers } from '../offers/archiving';
import { COMMUNE_UNKNOWN } from '../../shared/domain/profiles';
import { searchProfiles } from '../profiles/search';
import { PROFILE_GONE, profileToRead } from '../profiles/staff-view';
import { idempotent } from '../sync/idempotency';
import { etag } from '../sync/versions';
import { idempotencyHeaders } from './sync';

const profileParams = z.object({ id: uuidSchema });

const NO_CONTACT_DETAILS =
  'Le profil tel que les structures le voient : prénom, nom et âge du candidat, jamais son mail, son téléphone ni sa date de naissance.';

/** "Rechercher des profils", "Détails" of a profile and "Contacter ce profil". */
export async function profilesRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.get(
    '/profiles',
    {
      schema: {
        tags: ['Profils'],
        summary: 'Rechercher des profils de candidats',
        description: `q : mots cherchés (tous) au début des mots du métier, des diplômes, de la présentation et de la commune, sans tenir compte des accents ni des majuscules ; guillemets, étoiles, NEAR ou SQL sont des mots comme les autres. diploma : un diplôme préparé ou obtenu ; level : niveau le plus haut au moins celui-ci ; rome : le métier ; availableBy : disponible au plus tard ce jour ; contractType : cherche ce contrat ; oeth=true : bénéficiaires de l’OETH seulement ; mobilityMinKm : mobilité d’au moins tant de km. commune (code INSEE) : distanceKm de chaque profil, les plus proches d’abord ; radiusKm (0 à ${PROFILE_SEARCH_MAX_KM}, avec une commune seulement) : à moins de tant de km ; sinon les plus récents d’abord. ${PROFILES_PAGE_SIZE} par page. 422 sur « commune » (« ${COMMUNE_UNKNOWN} »), « diploma » ou « rome » pour ce qui n’existe pas dans les référentiels. ${NO_CONTACT_DETAILS}`,
        security: bearerSecurity,
        querystring: profilesQuerySchema,
        response: { 200: profilesPageSchema },
      },
    },
    async (request) => {
      await requireMember(ctx, request);
      return searchProfiles(ctx.db, request.query, ctx.clock());
    },
  );

  app.get(
    '/profiles/:id',
    {
      schema: {
        tags: ['Profils'],
        summary: 'Un profil de candidat (« Détails »)',
        description: `${NO_CONTACT_DETAILS} 404 « ${PROFILE_GONE} » quand il n’existe plus.`,
        security: bearerSecurity,
        params: profileParams,
        response: { 200: profileSchema },
      },
    },
    async (request) => {
      await requireMember(ctx, request);
      return profileToRead(ctx.db, request.params.id, ctx.clock());
    },
  );

  app.post(
    '/profiles/:id/contact',
    {
      schema: {
        tags: ['Profils'],
        summary: 'Contacter ce profil : lui proposer une offre de ma structure, avec un message',
        description: `id (fait par le poste), offerId et message obligatoires. L’offre doit être une offre de ma structure que je vois (422 « ${OFFER_UNKNOWN} » sur offerId sinon) et « En cours » (422 « ${CONTACT_OFFER_NOT_OPEN} »). 404 quand le profil n’existe plus. Le candidat reçoit une notification (kind « contact ») : le message, l’offre, le nom de la structure, jamais ses coordonnées (le message doit en donner). Le contact rejoint le flux de synchronisation comme les candidatures de l’offre. 409 si l’identifiant est déjà pris. Idempotency-Key : une requête rejouée reçoit la même réponse.`,
        security: bearerSecurity,
        headers: idempotencyHeaders,
        params: profileParams,
        body: contactCreateSchema,
        response: { 201: contactSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      // An offer past its end date is "Archivée" before it is judged "En cours".
      await archiveExpiredOffers(ctx.db, ctx.clock());
      const outcome = await idempotent(ctx, request, user.id, async (trx) => {
        const member = await reloadMember(trx, user.id);
        const row = await contactProfile(trx, member, request.params.id, request.body, ctx.clock());
        return { status: 201, body: contactFromColumns(row) };
      });
      const contact = outcome.body as z.infer<typeof contactSchema>;
      return reply.code(201).header('ETag', etag(contact.version)).send(contact);
    },
  );
}
