import { userToColumns } from '../../shared/db/rows';
import {
  mailChangeSchema,
  passwordChangeSchema,
  userPatchSchema,
  userSchema,
} from '../../shared/domain/account';
import { z } from '../../shared/zod';
import { hashPassword } from '../auth/passwords';
import type { PlatformApp, PlatformContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import { toUser } from '../db/mappers';
import { bearerSecurity, requireSession, requireUser } from '../http/authenticate';
import { checkCurrentPassword, currentPasswordLimiter } from '../http/current-password';
import { fieldProblem } from '../http/problem';
import { recordUser } from '../sync/log';
import { etag } from '../sync/versions';
import { versionedUpdate, withoutKey } from '../sync/versioned-update';
import { MAIL_TAKEN } from './auth';
import { syncHeaders } from './sync';

const mailTaken = () => fieldProblem(409, 'mail_taken', 'newMail', MAIL_TAKEN);

export async function meRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  const limitPasswordChecks = currentPasswordLimiter(ctx);

  app.get(
    '/me',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Mes informations personnelles',
        security: bearerSecurity,
        response: { 200: userSchema },
      },
    },
    async (request, reply) => {
      const user = await requireUser(ctx, request);
      return reply.header('ETag', etag(user.version)).send(toUser(user));
    },
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Modifier mes informations personnelles (hors mail et mot de passe)',
        security: bearerSecurity,
        headers: syncHeaders,
        body: userPatchSchema.strict(),
        response: { 200: userSchema },
      },
    },
    async (request, reply) => {
      const user = await requireUser(ctx, request);
      return versionedUpdate(ctx, request, reply, user.id, {
        what: 'Votre compte',
        load: (trx) =>
          trx.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow(),
        toBody: toUser,
        changes: Object.keys(request.body).length > 0,
        update: (trx, current) =>
          trx
            .updateTable('users')
            .set({
              ...withoutKey(
                userToColumns({ ...toUser(current), ...request.body, version: current.version + 1 }),
              ),
              updated_at: new Date().toISOString(),
            })
            .where('id', '=', user.id)
            .returningAll()
            .executeTakeFirstOrThrow(),
        record: recordUser,
      });
    },
  );

  app.post(
    '/me/mail',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Changer mon mail (confirmé par mon mot de passe actuel)',
        security: bearerSecurity,
        body: mailChangeSchema.strict(),
        response: { 200: userSchema },
      },
      ...limitPasswordChecks,
    },
    async (request, reply) => {
      const user = await requireUser(ctx, request);
      const { newMail, currentPassword } = request.body;
      await checkCurrentPassword(user, currentPassword);
      if (newMail === user.mail) {
        throw fieldProblem(422, 'same_mail', 'newMail', 'C’est déjà le mail de votre compte.');
      }
      try {
        const row = await ctx.db.transaction().execute(async (trx) => {
          const taken = await trx
            .selectFrom('users')
            .select('id')
            .where('mail', '=', newMail)
            .executeTakeFirst();
          if (taken) throw mailTaken();
          const changed = await trx
            .updateTable('users')
            .set((eb) => ({
              mail: newMail,
              updated_at: new Date().toISOString(),
              version: eb('version', '+', 1),
            }))
            .where('id', '=', user.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordUser(trx, changed);
          return changed;
        });
        return reply.header('ETag', etag(row.version)).send(toUser(row));
      } catch (error) {
        if (isUniqueViolation(error)) throw mailTaken();
        throw error;
      }
    },
  );

  app.post(
    '/me/password',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Changer mon mot de passe (mes autres sessions sont fermées)',
        security: bearerSecurity,
        body: passwordChangeSchema.strict(),
        response: { 204: z.null().describe('Mot de passe changé') },
      },
      ...limitPasswordChecks,
    },
    async (request, reply) => {
      const { user, sessionId } = await requireSession(ctx, request);
      const { currentPassword, newPassword } = request.body;
      await checkCurrentPassword(user, currentPassword);
      if (newPassword === currentPassword) {
        throw fieldProblem(
          422,
          'same_password',
          'newPassword',
          'Le nouveau mot de passe doit être différent de l’actuel.',
        );
      }
      const passwordHash = await hashPassword(newPassword);
      await ctx.db.transaction().execute(async (trx) => {
        // The password is no synced data: the version does not move.
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, updated_at: new Date().toISOString() })
          .where('id', '=', user.id)
          .execute();
        // Whoever knew the old password may hold a session: all but this one end.
        await ctx.tokens.revokeOtherSessions(trx, user.id, sessionId);
      });
      return reply.code(204).send(null);
    },
  );
}
