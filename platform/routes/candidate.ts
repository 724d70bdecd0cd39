import { uuidSchema } from '../../shared/domain/fields';
import {
  candidateApplicationReceiptSchema,
  candidateApplicationSchema,
  candidateNotificationSchema,
  candidateProfileSchema,
  profileCreateSchema,
  type CandidateNotification,
} from '../../shared/domain/candidates';
import { z } from '../../shared/zod';
import { addProfileAlerts } from '../alerts/compute';
import { applyToOffer } from '../applications/new-application';
import { newProfile, toCandidateProfile } from '../candidates/profiles';
import { closeCandidateAccount, deleteProfile } from '../candidates/withdrawal';
import { rowOrder } from '../db/dialect/row-order';
import type { PlatformApp, PlatformContext } from '../context';
import { bearerSecurity } from '../http/authenticate';
import { requireCandidate } from '../http/candidate-session';
import { archiveExpiredOffers } from '../offers/archiving';
import { candidateIdempotent } from '../sync/idempotency';
import { idempotencyHeaders } from './sync';

const profileParams = z.object({ id: uuidSchema });

const CANDIDATE_ONLY =
  'Avec le jeton d’un compte candidat (POST /candidates/login) ; le jeton d’un membre de structure est refusé (403 `not_a_candidate`).';

/** The candidate side of the reference platform (DESIGN.md §5): profiles, applications, notifications. */
export async function candidateRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.post(
    '/candidate/profiles',
    {
      schema: {
        tags: ['Candidats'],
        summary: 'Créer un profil (un projet professionnel)',
        description: `Métier (ROME 4.0), diplômes et commune doivent exister dans les référentiels : 422 sur le champ sinon (« diplomas » pour un diplôme inconnu). Les structures le trouvent dans leurs recherches, et dans leurs alertes quand il correspond à une de leurs offres « En cours ». Idempotency-Key : une requête rejouée reçoit la même réponse. ${CANDIDATE_ONLY}`,
        security: bearerSecurity,
        headers: idempotencyHeaders,
        body: profileCreateSchema,
        response: { 201: candidateProfileSchema },
      },
    },
    async (request, reply) => {
      const candidate = await requireCandidate(ctx, request);
      const outcome = await candidateIdempotent(ctx, request, candidate.id, async (trx) => {
        const now = ctx.clock();
        const row = newProfile(candidate.id, request.body, now);
        await trx.insertInto('candidate_profiles').values(row).execute();
        await addProfileAlerts(trx, row.id, now);
        return { status: 201, body: toCandidateProfile(row) };
      });
      return reply.code(201).send(outcome.body as z.infer<typeof candidateProfileSchema>);
    },
  );

  app.get(
    '/candidate/profiles',
    {
      schema: {
        tags: ['Candidats'],
        summary: 'Mes profils, du plus ancien au plus récent',
        description: CANDIDATE_ONLY,
        security: bearerSecurity,
        response: { 200: z.array(candidateProfileSchema) },
      },
    },
    async (request) => {
      const candidate = await requireCandidate(ctx, request);
      const rows = await ctx.db
        .selectFrom('candidate_profiles')
        .selectAll()
        .where('candidate_id', '=', candidate.id)
        .orderBy('created_at')
        // Made in the same millisecond: in the order they were made (ranks are quoted by the CLI).
        .orderBy(rowOrder(ctx.db, 'candidate_profiles'))
        .execute();
      return rows.map(toCandidateProfile);
    },
  );

  app.delete(
    '/candidate/profiles/:id',
    {
      schema: {
        tags: ['Candidats'],
        summary: 'Supprimer un de mes profils : ses candidatures deviennent « Abandonnées »',
        description: `Les structures ne voient plus rien du profil ni du message de ces candidatures, seulement la raison de l’abandon ; il quitte leurs favoris et leurs alertes, et leurs messages de contact ne portent plus mon nom. 404 si le profil n’est pas le vôtre. ${CANDIDATE_ONLY}`,
        security: bearerSecurity,
        params: profileParams,
        response: { 204: z.null().describe('Profil supprimé') },
      },
    },
    async (request, reply) => {
      const candidate = await requireCandidate(ctx, request);
      await ctx.db
        .transaction()
        .execute((trx) => deleteProfile(trx, candidate.id, request.params.id, ctx.clock()));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/candidate/applications',
    {
      schema: {
        tags: ['Candidats'],
        summary: 'Postuler à une offre « En cours » avec un de mes profils',
        description: `Une fois par profil et par offre (409 \`already_applied\`). Une offre pourvue ou archivée ne reçoit plus de candidatures (422 \`offer_closed\` sur « offerId »). 404 pour un profil qui n’est pas le vôtre (\`profile_unknown\`) ou une offre inconnue (\`offer_unknown\`). La structure voit le profil (sans mail, téléphone ni date de naissance : l’âge seulement) et le message. Idempotency-Key : une requête rejouée reçoit la même réponse. ${CANDIDATE_ONLY}`,
        security: bearerSecurity,
        headers: idempotencyHeaders,
        body: candidateApplicationSchema,
        response: { 201: candidateApplicationReceiptSchema },
      },
    },
    async (request, reply) => {
      const candidate = await requireCandidate(ctx, request);
      // An offer past its end date is "Archivée" before the candidate is told whether it is open.
      await archiveExpiredOffers(ctx.db, ctx.clock());
      const outcome = await candidateIdempotent(ctx, request, candidate.id, async (trx) => {
        const row = await applyToOffer(trx, { candidateId: candidate.id, ...request.body, now: ctx.clock() });
        return {
          status: 201,
          body: {
            id: row.id,
            number: row.number,
            offerId: row.offer_id,
            profileId: request.body.profileId,
            createdAt: row.received_at,
          },
        };
      });
      return reply.code(201).send(outcome.body as z.infer<typeof candidateApplicationReceiptSchema>);
    },
  );

  app.get(
    '/candidate/notifications',
    {
      schema: {
        tags: ['Candidats'],
        summary:
          'Mes notifications : les réponses des structures et leurs propositions d’offres, les plus récentes d’abord',
        description: `kind « entretien » : la structure propose un entretien ou demande des informations ; « refus » : candidature refusée (applicationId et applicationNumber disent laquelle) ; « contact » : la structure a vu un de mes profils (profileId) et me propose une de ses offres (offerNumber, offerTitle). Le message de la structure, son nom, jamais ses coordonnées. ${CANDIDATE_ONLY}`,
        security: bearerSecurity,
        response: { 200: z.array(candidateNotificationSchema) },
      },
    },
    async (request): Promise<CandidateNotification[]> => {
      const candidate = await requireCandidate(ctx, request);
      const rows = await ctx.db
        .selectFrom('candidate_notifications')
        .selectAll()
        .where('candidate_id', '=', candidate.id)
        .orderBy('created_at', 'desc')
        // Written in the same millisecond: the last written first.
        .orderBy(rowOrder(ctx.db, 'candidate_notifications'), 'desc')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        applicationId: row.application_id,
        applicationNumber: row.application_number,
        profileId: row.profile_id,
        offerNumber: row.offer_number,
        offerTitle: row.offer_title,
        structureName: row.structure_name,
        message: row.message,
        refusalReason: row.refusal_reason,
        createdAt: row.created_at,
      }));
    },
  );

  app.delete(
    '/candidate/account',
    {
      schema: {
        tags: ['Candidats'],
        summary: 'Fermer mon compte candidat : mes candidatures deviennent « Abandonnées »',
        description: `Mes profils, mes notifications et mon compte sont supprimés ; les structures ne voient plus rien de moi dans ces candidatures, seulement la raison de l’abandon, ni dans leurs favoris, leurs alertes et leurs messages de contact. ${CANDIDATE_ONLY}`,
        security: bearerSecurity,
        response: { 204: z.null().describe('Compte fermé') },
      },
    },
    async (request, reply) => {
      const candidate = await requireCandidate(ctx, request);
      await ctx.db.transaction().execute((trx) => closeCandidateAccount(trx, candidate.id, ctx.clock()));
      return reply.code(204).send(null);
    },
  );
}
