import { accountDeletionSchema, accountExportSchema, type AccountExport } from '../../shared/domain/account';
import { z } from '../../shared/zod';
import type { PlatformApp, PlatformContext } from '../context';
import { bearerSecurity, requireUser } from '../http/authenticate';
import { checkCurrentPassword, currentPasswordLimiter } from '../http/current-password';
import { ProblemError } from '../http/problem';
import { recordDeparture } from '../sync/log';

/** The user's rights over their personal data (GDPR): access (export) and erasure (closure). */
export async function personalDataRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  const limitPasswordChecks = currentPasswordLimiter(ctx);

  app.delete(
    '/me',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Supprimer mon compte (confirmé par mon mot de passe)',
        description:
          '409 pour le référent d’une structure qui a d’autres utilisateurs (ou des demandes en attente) : il transfère d’abord ses droits.',
        security: bearerSecurity,
        body: accountDeletionSchema.strict(),
        response: { 204: z.null().describe('Compte supprimé') },
      },
      ...limitPasswordChecks,
    },
    async (request, reply) => {
      const user = await requireUser(ctx, request);
      await checkCurrentPassword(user, request.body.currentPassword);
      await ctx.db.transaction().execute(async (trx) => {
        // Read again here: a request to join may have arrived, or a transfer made them référent.
        const current = await trx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', user.id)
          .executeTakeFirst();
        if (!current) return;
        if (current.structure_id && current.role === 'referent') {
          const other = await trx
            .selectFrom('users')
            .select('id')
            .where('structure_id', '=', current.structure_id)
            .where('id', '!=', current.id)
            .limit(1)
            .executeTakeFirst();
          if (other) {
            throw new ProblemError(
              409,
              'transfer_first',
              'Vous êtes le référent de votre structure et d’autres utilisateurs y sont rattachés ou attendent votre validation : transférez d’abord vos droits à un gestionnaire, ou retirez ces utilisateurs, avant de supprimer votre compte.',
            );
          }
        }
        await trx.deleteFrom('idempotency_keys').where('user_id', '=', current.id).execute();
        await trx.deleteFrom('refresh_tokens').where('user_id', '=', current.id).execute();
        await trx.deleteFrom('users').where('id', '=', current.id).execute();
        if (current.structure_id) {
          await recordDeparture(trx, current.structure_id, current.id, current.version + 1);
        }
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me/export',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Exporter mes données (droit d’accès RGPD)',
        description:
          'Une session est une connexion (un appareil) : ses jetons renouvelés ne sont pas listés un à un, et aucun secret n’est exporté.',
        security: bearerSecurity,
        response: { 200: accountExportSchema },
      },
    },
    async (request): Promise<AccountExport> => {
      const user = await requireUser(ctx, request);
      const structure = user.structure_id
        ? await ctx.db
            .selectFrom('structures')
            .select(['siret', 'legal_name'])
            .where('id', '=', user.structure_id)
            .executeTakeFirstOrThrow()
        : undefined;
      // A session is a family of refresh tokens, each rotation revoking the previous one: it
      // ended when its newest token was revoked.
      const sessions = await ctx.db
        .selectFrom('refresh_tokens')
        .select((eb) => [
          eb.fn.min('created_at').as('created_at'),
          eb.fn.max('expires_at').as('expires_at'),
          eb
            .case()
            .when(eb.fn.count('revoked_at'), '=', eb.fn.countAll())
            .then(eb.fn.max('revoked_at'))
            .else(null)
            .end()
            .as('revoked_at'),
        ])
        .where('user_id', '=', user.id)
        .groupBy('family_id')
        .orderBy('created_at')
        .execute();
      return {
        exportedAt: new Date().toISOString(),
        account: {
          id: user.id,
          mail: user.mail,
          firstName: user.first_name,
          lastName: user.last_name,
          mobile: user.mobile,
          createdAt: user.created_at,
          updatedAt: user.updated_at,
          consentAt: user.consent_at,
        },
        structure: structure
          ? {
              siret: structure.siret,
              legalName: structure.legal_name,
              membership: user.role ?? 'pending',
              since: user.structure_joined_at ?? user.updated_at,
            }
          : null,
        sessions: sessions.map((s) => ({
          createdAt: s.created_at,
          expiresAt: s.expires_at,
          revokedAt: s.revoked_at,
        })),
      };
    },
  );
}
