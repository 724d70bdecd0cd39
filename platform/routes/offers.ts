import { randomUUID } from 'node:crypto';
import { uuidSchema } from '../../shared/domain/fields';
import {
  OFFER_LIFETIME_MONTHS,
  offerCreateSchema,
  offerPatchSchema,
  publicOffersPageSchema,
  publicOffersQuerySchema,
  offerSchema,
} from '../../shared/domain/offers';
import { z } from '../../shared/zod';
import { changesAlerts, recomputeOfferAlerts } from '../alerts/compute';
import type { PlatformApp, PlatformContext } from '../context';
import type { PlatformDb } from '../db/open';
import type { OffersTable } from '../db/schema';
import { accessClaims, bearerSecurity } from '../http/authenticate';
import { reloadMember, requireMember, type MemberRow } from '../http/membership';
import { archiveExpiredOffers } from '../offers/archiving';
import { fieldColumns, fieldsOf, toOffer } from '../offers/columns';
import { franceTravailExport, franceTravailExportSchema } from '../offers/france-travail-export';
import { queueForFranceTravail } from '../offers/france-travail-queue';
import { publication } from '../offers/lifetime';
import { insertOffer, newOffer } from '../offers/new-offer';
import { PUBLIC_OFFERS_PAGE_SIZE, searchPublicOffers } from '../offers/public-search';
import { resolveReferences } from '../offers/references';
import { searchTextOf } from '../offers/search-text';
import { offerToManage, offerToRead, visibleTo } from '../offers/visibility';
import { idempotent } from '../sync/idempotency';
import { recordOffer } from '../sync/offer-feed';
import { etag } from '../sync/versions';
import { versionedUpdate, withoutKey } from '../sync/versioned-update';
import { idempotencyHeaders, syncHeaders } from './sync';

const offerParams = z.object({ id: uuidSchema });

/** `POST /offers/{id}/duplicate`: the copy's id may come from the desktop (made offline). */
const duplicateSchema = z.object({ id: uuidSchema.optional() }).strict().nullish();

const VISIBILITY =
  'Une offre non partagée avec la structure n’est visible que de son auteur et du référent (404 pour les autres en lecture, 403 en modification).';

export async function offersRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  const archiveExpired = () => archiveExpiredOffers(ctx.db, ctx.clock());

  /** A creation under the sync protocol: once per Idempotency-Key (a retry gets the same offer). */
  async function create(
    request: Parameters<typeof idempotent>[1],
    userId: string,
    build: (trx: PlatformDb, member: MemberRow, now: Date) => Promise<OffersTable>,
  ) {
    const outcome = await idempotent(ctx, request, userId, async (trx) => {
      const member = await reloadMember(trx, userId);
      const now = ctx.clock();
      const row = await build(trx, member, now);
      await insertOffer(trx, row);
      await recomputeOfferAlerts(trx, row, now);
      return { status: 201, body: toOffer(row) };
    });
    return outcome.body as z.infer<typeof offerSchema>;
  }

  app.get(
    '/offers',
    {
      schema: {
        tags: ['Offres'],
        summary: 'Les offres de ma structure que je peux voir (toutes les étapes)',
        description: `Par numéro décroissant. ${VISIBILITY}`,
        security: bearerSecurity,
        response: { 200: z.array(offerSchema) },
      },
    },
    async (request) => {
      const { user } = await requireMember(ctx, request);
      await archiveExpired();
      const rows = await ctx.db
        .selectFrom('offers')
        .selectAll()
        .where('structure_id', '=', user.structure_id)
        .where(visibleTo(user))
        .orderBy('number', 'desc')
        .execute();
      return rows.map(toOffer);
    },
  );

  app.post(
    '/offers',
    {
      schema: {
        tags: ['Offres'],
        summary: 'Créer une offre : elle est publiée « En cours » et reçoit son numéro',
        description: `L'employeur doit être un partenaire accepté de la structure ; métier (ROME 4.0), diplômes et lieu doivent exister dans les référentiels : 422 sur le champ sinon. Fin de publication (archiveAt) : ${OFFER_LIFETIME_MONTHS} mois après la publication. 409 si l’identifiant est déjà pris. Idempotency-Key : une requête rejouée reçoit la même réponse.`,
        security: bearerSecurity,
        headers: idempotencyHeaders,
        body: offerCreateSchema,
        response: { 201: offerSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      const { id, ...fields } = request.body;
      const offer = await create(request, user.id, (trx, member, now) =>
        newOffer(trx, member, id, fields, now),
      );
      return reply.code(201).header('ETag', etag(offer.version)).send(offer);
    },
  );

  app.get(
    '/offers/public',
    {
      schema: {
        tags: ['Offres'],
        summary:
          'Consulter toutes les offres : les offres « En cours » de toutes les structures (membres et candidats)',
        description: `Sans aucune coordonnée. number : l’offre de ce N° d’offre seulement. q : mots cherchés dans l’intitulé, la description, le métier et l’employeur, sans tenir compte des accents ni des majuscules. level : une offre convient si l’un de ses diplômes a ce niveau. commune (code INSEE) et radiusKm : les offres à moins de radiusKm du centre de la commune, les plus proches d’abord, avec distanceKm (sans rayon : la commune seule) ; sinon les plus récentes d’abord. ${PUBLIC_OFFERS_PAGE_SIZE} par page. 422 sur « commune » pour une commune inconnue.`,
        security: bearerSecurity,
        querystring: publicOffersQuerySchema,
        response: { 200: publicOffersPageSchema },
      },
    },
    async (request) => {
      // Staff of a structure, or a candidate looking for offers to apply to.
      const { kind } = await accessClaims(ctx, request);
      if (kind !== 'candidate') await requireMember(ctx, request);
      await archiveExpired();
      return searchPublicOffers(ctx.db, request.query);
    },
  );

  app.get(
    '/offers/france-travail-export',
    {
      schema: {
        tags: ['Offres'],
        summary: 'Les offres de ma structure à transmettre à France Travail (en cours, case cochée)',
        description:
          'Format JSON documenté par le schéma de la réponse : `format` (son nom) et `formatVersion`, `generatedAt`, puis pour chaque offre son numéro, intitulé, code ROME et version du ROME, type de contrat, date de début, durée en mois, nombre de postes, code INSEE de la commune, description, engagement handicap, Siret et nom de l’employeur. Aucune personne à contacter. ' +
          VISIBILITY,
        security: bearerSecurity,
        response: { 200: franceTravailExportSchema },
      },
    },
    async (request) => {
      const { user } = await requireMember(ctx, request);
      await archiveExpired();
      return franceTravailExport(ctx.db, user, ctx.clock());
    },
  );

  app.get(
    '/offers/:id',
    {
      schema: {
        tags: ['Offres'],
        summary: 'Une offre de ma structure',
        description: VISIBILITY,
        security: bearerSecurity,
        params: offerParams,
        response: { 200: offerSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      await archiveExpired();
      const row = await offerToRead(ctx.db, user, request.params.id);
      return reply.header('ETag', etag(row.version)).send(toOffer(row));
    },
  );

  app.patch(
    '/offers/:id',
    {
      schema: {
        tags: ['Offres'],
        summary: 'Modifier une offre, la marquer comme pourvue, l’archiver ou la republier',
        description: `Les champs qui désignent l’employeur, le métier, les diplômes ou le lieu sont vérifiés comme à la création (422). status : « pourvue » la clôt, « archivee » la retire, « en_cours » la republie (nouvelles dates de publication et de fin). If-Match (obligatoire) ; 412 avec l’offre actuelle (\`current\`) si elle a changé entre-temps. Idempotency-Key : une seule application par clé. ${VISIBILITY}`,
        security: bearerSecurity,
        headers: syncHeaders,
        params: offerParams,
        body: offerPatchSchema,
        response: { 200: offerSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      const { status, ...fields } = request.body;
      // Set by `update`, read by `record` (the same transaction).
      let alertsMove = false;
      return versionedUpdate(ctx, request, reply, user.id, {
        what: 'L’offre',
        load: async (trx) => offerToManage(trx, await reloadMember(trx, user.id), request.params.id),
        toBody: toOffer,
        changes: Object.keys(request.body).length > 0,
        update: async (trx, current) => {
          const now = ctx.clock();
          const referenced = await resolveReferences(trx, current.structure_id, fields);
          const republished = status === 'en_cours' && current.status !== 'en_cours';
          const changed = {
            ...current,
            ...fieldColumns(fields),
            ...referenced,
            ...(status !== undefined ? { status } : {}),
            ...(republished ? publication(now) : {}),
            version: current.version + 1,
            updated_at: now.toISOString(),
          };
          const row = await trx
            .updateTable('offers')
            .set(withoutKey({ ...changed, search_text: searchTextOf(changed) }))
            .where('id', '=', current.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await queueForFranceTravail(trx, current, row);
          alertsMove = changesAlerts(current, row);
          return row;
        },
        record: async (trx, row) => {
          await recordOffer(trx, row);
          // Its alerts after it in the feed: a desktop receives an unshared offer before them.
          // Computed again only when what they match or show changed (not for a description).
          if (alertsMove) await recomputeOfferAlerts(trx, row, ctx.clock());
        },
      });
    },
  );

  app.post(
    '/offers/:id/duplicate',
    {
      schema: {
        tags: ['Offres'],
        summary: 'Dupliquer une offre : une nouvelle offre « En cours », avec un nouveau numéro',
        description: `L’offre d’origine ne change pas. Corps facultatif : l’identifiant de la copie (sinon la plateforme en donne un). L’employeur doit toujours être un partenaire accepté, le métier, les diplômes et le lieu exister (422 sinon). Idempotency-Key : une requête rejouée reçoit la même réponse. ${VISIBILITY}`,
        security: bearerSecurity,
        headers: idempotencyHeaders,
        params: offerParams,
        body: duplicateSchema,
        response: { 201: offerSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      const id = request.body?.id ?? randomUUID();
      const offer = await create(request, user.id, async (trx, member, now) => {
        const original = await offerToManage(trx, member, request.params.id);
        return newOffer(trx, member, id, fieldsOf(original), now);
      });
      return reply.code(201).header('ETag', etag(offer.version)).send(offer);
    },
  );
}
