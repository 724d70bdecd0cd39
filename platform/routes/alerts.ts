import {
  ALERTS_PER_OFFER,
  alertPatchSchema,
  alertSchema,
  alertsListSchema,
  alertsQuerySchema,
} from '../../shared/domain/alerts';
import { uuidSchema } from '../../shared/domain/fields';
import { z } from '../../shared/zod';
import { alertFromColumns } from '../../shared/db/profile-rows';
import { recomputeOfferAlerts } from '../alerts/compute';
import { memberName } from '../applications/columns';
import type { PlatformApp, PlatformContext } from '../context';
import type { PlatformDb } from '../db/open';
import type { AlertsTable } from '../db/schema';
import { bearerSecurity } from '../http/authenticate';
import { reloadMember, requireMember, type MemberRow } from '../http/membership';
import { ProblemError } from '../http/problem';
import { archiveExpiredOffers } from '../offers/archiving';
import { visibleTo } from '../offers/visibility';
import { recordAlert } from '../sync/offer-bound-feed';
import { versionedUpdate, withoutKey } from '../sync/versioned-update';
import { syncHeaders } from './sync';

const alertParams = z.object({ id: uuidSchema });

const VISIBILITY =
  'Les alertes d’une offre non partagée avec la structure ne sont visibles que de l’auteur de l’offre et du référent (404 pour les autres).';

const unknownAlert = () =>
  new ProblemError(
    404,
    'alert_unknown',
    'Cette alerte n’existe plus : le profil ne correspond plus à l’offre, a postulé, ou l’offre n’est plus « En cours ».',
  );

/** The structure's alerts the member sees: those of the offers they see. */
function visibleAlerts(db: PlatformDb, member: MemberRow) {
  return db
    .selectFrom('alerts')
    .innerJoin('offers', 'offers.id', 'alerts.offer_id')
    .where('alerts.structure_id', '=', member.structure_id)
    .where(visibleTo(member));
}

async function alertToDismiss(db: PlatformDb, member: MemberRow, id: string): Promise<AlertsTable> {
  const row = await visibleAlerts(db, member)
    .selectAll('alerts')
    .where('alerts.id', '=', id)
    .executeTakeFirst();
  if (!row) throw unknownAlert();
  return row;
}

/** "Alertes": the profiles the platform finds for the structure's offers "En cours". */
export async function alertsRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.get(
    '/alerts',
    {
      schema: {
        tags: ['Profils'],
        summary: 'Les alertes de ma structure : les profils qui correspondent à ses offres « En cours »',
        description: `Calculées par la plateforme (score sur 100 et raisons, au plus ${ALERTS_PER_OFFER} par offre), tenues à jour quand une offre ou un profil change ; celles qui ont été ignorées n’y sont plus. Les meilleures d’abord ; offerId : celles d’une offre. ${VISIBILITY}`,
        security: bearerSecurity,
        querystring: alertsQuerySchema,
        response: { 200: alertsListSchema },
      },
    },
    async (request) => {
      const { user } = await requireMember(ctx, request);
      // An offer past its end date is archived, and loses its alerts, before they are listed.
      await archiveExpiredOffers(ctx.db, ctx.clock());
      let query = visibleAlerts(ctx.db, user).where('alerts.dismissed', '=', 0);
      if (request.query.offerId !== undefined)
        query = query.where('alerts.offer_id', '=', request.query.offerId);
      const rows = await query
        .selectAll('alerts')
        .orderBy('alerts.score', 'desc')
        .orderBy('alerts.created_at', 'desc')
        .orderBy('alerts.id')
        .execute();
      return { alerts: rows.map(alertFromColumns) };
    },
  );

  app.patch(
    '/alerts/:id',
    {
      schema: {
        tags: ['Profils'],
        summary: 'Ignorer cette alerte, pour toute la structure',
        description: `Corps : { "dismissed": true } (une alerte ignorée ne revient pas, même quand la plateforme recalcule les alertes ; le profil suivant de l’offre prend sa place). Déjà ignorée : renvoyée inchangée. 404 si l’alerte n’existe plus. If-Match (obligatoire) ; 412 avec l’alerte actuelle (\`current\`) si elle a changé entre-temps. Idempotency-Key : une seule application par clé. ${VISIBILITY}`,
        security: bearerSecurity,
        headers: syncHeaders,
        params: alertParams,
        body: alertPatchSchema,
        response: { 200: alertSchema },
      },
    },
    async (request, reply) => {
      const { user } = await requireMember(ctx, request);
      return versionedUpdate(ctx, request, reply, user.id, {
        what: 'L’alerte',
        load: async (trx) => alertToDismiss(trx, await reloadMember(trx, user.id), request.params.id),
        toBody: alertFromColumns,
        changes: true,
        settled: (current) => current.dismissed === 1,
        update: async (trx, current) => {
          const changed: AlertsTable = {
            ...current,
            dismissed: 1,
            dismissed_by: memberName(await reloadMember(trx, user.id)),
            version: current.version + 1,
            updated_at: ctx.clock().toISOString(),
          };
          await trx.updateTable('alerts').set(withoutKey(changed)).where('id', '=', current.id).execute();
          return changed;
        },
        record: async (trx, row) => {
          const offer = await trx
            .selectFrom('offers')
            .selectAll()
            .where('id', '=', row.offer_id)
            .executeTakeFirstOrThrow();
          await recordAlert(trx, row, offer);
          // The next best profile takes the place it leaves, recorded after it in the feed.
          await recomputeOfferAlerts(trx, offer, ctx.clock());
        },
      });
    },
  );
}
