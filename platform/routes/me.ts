import { userToColumns } from '../../shared/db/rows';
import { userPatchSchema, userSchema } from '../../shared/domain/account';
import type { PlatformApp, PlatformContext } from '../context';
import { toUser } from '../db/mappers';
import { bearerSecurity, requireUser } from '../http/authenticate';
import { recordUser } from '../sync/log';
import { etag } from '../sync/versions';
import { versionedUpdate, withoutKey } from '../sync/versioned-update';
import { syncHeaders } from './sync';

export async function meRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
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
}
