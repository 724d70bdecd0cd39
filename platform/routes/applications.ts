import { uuidSchema } from '../../shared/domain/fields';
import {
  applicationReadSchema,
  applicationReplySchema,
  applicationSchema,
  applicationsPageSchema,
  applicationsQuerySchema,
} from '../../shared/domain/applications';
import { z } from '../../shared/zod';
import { toApplication } from '../applications/columns';
import { markApplicationRead } from '../applications/reading';
import { replyRefusal, replyToApplication } from '../applications/reply';
import { applicationsVisibleTo, applicationToRead } from '../applications/visibility';
import type { PlatformApp, PlatformContext } from '../context';
import type { PlatformDb } from '../db/open';
import { bearerSecurity } from '../http/authenticate';
import { reloadMember, requireMember } from '../http/membership';
import { etag } from '../sync/versions';
import { versionedUpdate } from '../sync/versioned-update';
import { syncHeaders } from './sync';

/** What a staff change of an application works on: the application as its author may see it now. */
function visibleApplication(userId: string, id: string) {
  return {
    what: 'La candidature',
    load: async (trx: PlatformDb) => applicationToRead(trx, await reloadMember(trx, userId), id),
    toBody: toApplication,
    changes: true,
  };
}

export const APPLICATIONS_PAGE_SIZE = 50;

const applicationParams = z.object({ id: uuidSchema });

const VISIBILITY =
  'Une candidature à une offre non partagée avec la structure n’est visible que de l’auteur de l’offre et du référent (404 pour les autres).';

/** "Candidatures sur mes offres": what staff read of applications and how they answer them. */
export async function applicationsRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.get(
    '/applications',
    {
      schema: {
        tags: ['Candidatures'],
        summary: 'Les candidatures aux offres de ma structure que je peux voir',
        description: `Les plus récentes d’abord, ${APPLICATIONS_PAGE_SIZE} par page ; filtres facultatifs status et offerId. Le profil ne contient ni mail, ni téléphone, ni date de naissance (l’âge seulement) ; il est null, comme le message, quand le candidat a supprimé ses données. ${VISIBILITY}`,
        security: bearerSecurity,
        querystring: applicationsQuerySchema,
        response: { 200: applicationsPageSchema },
      },
    },
    async (request) => {
      const { user } = await requireMember(ctx, request);
      const { status, offerId, page } = request.query;
      let query = ctx.db
        .selectFrom('applications')
        .innerJoin('offers', 'offers.id', 'applications.offer_id')
        .where(applicationsVisibleTo(user));
      if (status !== undefined) query = query.where('applications.status', '=', status);
      if (offerId !== undefined) query = query.where('applications.offer_id', '=', offerId);
      const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .selectAll('applications')
        .orderBy('applications.received_at', 'desc')
        .orderBy('applications.number', 'desc')
        .limit(APPLICATIONS_PAGE_SIZE)
        .offset((page - 1) * APPLICATIONS_PAGE_SIZE)
        .execute();
      return {
        applications: rows.map(toApplication),
        page,
        pageSize: APPLICATIONS_PAGE_SIZE,
        total: Number(counted.n),
      };
    },
  );

  app.get(
    '/applications/:id',
    {
      schema: {
        tags: ['Candidatures'],
        summary: 'Une candidature (« Détails »)',
        description: VISIBILITY,
        security: bearerSecurity,
        params: applicationParams,
        response: { 200: applicationSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      const row = await applicationToRead(ctx.db, user, request.params.id);
      return reply.header('ETag', etag(row.version)).send(toApplication(row));
    },
  );

  app.post(
    '/applications/:id/reply',
    {
      schema: {
        tags: ['Candidatures'],
        summary: 'Répondre à cette candidature : entretien (recevable) ou refus',
        description: `status « recevable » (organiser un entretien / obtenir plus d’informations) ou « refusee », et le message que le candidat reçoit en notification (il n’a pas les coordonnées de la structure : le message doit en donner). Possible depuis « A traiter » ou « Recevable ». 409 \`application_abandoned\` si le candidat l’a abandonnée, quelle que soit la version de If-Match (la réponse n’est pas envoyée) ; 409 \`application_closed\` si elle est déjà refusée. If-Match (obligatoire) ; 412 avec la candidature actuelle (\`current\`) si elle a changé entre-temps. Idempotency-Key : une seule application par clé. ${VISIBILITY}`,
        security: bearerSecurity,
        headers: syncHeaders,
        params: applicationParams,
        body: applicationReplySchema,
        response: { 200: applicationSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      return versionedUpdate(ctx, request, reply, user.id, {
        ...visibleApplication(user.id, request.params.id),
        settled: (current) => {
          const refusal = replyRefusal(current);
          if (refusal) throw refusal;
          return false;
        },
        update: async (trx, current) =>
          replyToApplication(trx, current, request.body, await reloadMember(trx, user.id), ctx.clock()),
      });
    },
  );

  app.patch(
    '/applications/:id',
    {
      schema: {
        tags: ['Candidatures'],
        summary: 'Noter la première lecture d’une candidature (« Détails » ouvert)',
        description: `readAt : quand elle a été lue (sur le poste, éventuellement hors ligne) ; jamais plus tard que maintenant ni avant sa réception. Déjà lue : la candidature est renvoyée inchangée. If-Match (obligatoire) ; 412 avec la candidature actuelle (\`current\`) si elle a changé entre-temps. Idempotency-Key : une seule application par clé. ${VISIBILITY}`,
        security: bearerSecurity,
        headers: syncHeaders,
        params: applicationParams,
        body: applicationReadSchema,
        response: { 200: applicationSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      return versionedUpdate(ctx, request, reply, user.id, {
        ...visibleApplication(user.id, request.params.id),
        settled: (current) => current.read_at !== null,
        update: async (trx, current) =>
          markApplicationRead(
            trx,
            current,
            new Date(request.body.readAt),
            await reloadMember(trx, user.id),
            ctx.clock(),
          ),
      });
    },
  );
}
