import { userPatchSchema, userSchema, type User } from '../../shared/domain/account';
import type { PlatformApp, PlatformContext } from '../context';
import { toUser } from '../db/mappers';
import type { UsersTable } from '../db/schema';
import { bearerSecurity, requireUser } from '../http/authenticate';
import { idempotent } from '../sync/idempotency';
import { recordUser } from '../sync/log';
import { etag, requiredIfMatch, staleVersion } from '../sync/versions';
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
      const expected = requiredIfMatch(request);
      const patch = request.body;
      const outcome = await idempotent(ctx, request, user.id, async (trx) => {
        const current = await trx
          .selectFrom('users')
          .selectAll()
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow();
        if (expected !== current.version) throw staleVersion('Votre compte', toUser(current));
        const set: Partial<UsersTable> = {};
        if (patch.firstName !== undefined) set.first_name = patch.firstName;
        if (patch.lastName !== undefined) set.last_name = patch.lastName;
        if (patch.mobile !== undefined) set.mobile = patch.mobile;
        if (Object.keys(set).length === 0) return { status: 200, body: toUser(current) };
        const row = await trx
          .updateTable('users')
          .set({ ...set, version: current.version + 1, updated_at: new Date().toISOString() })
          .where('id', '=', user.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordUser(trx, row);
        return { status: 200, body: toUser(row) };
      });
      const body = outcome.body as User;
      return reply
        .code(outcome.status as 200)
        .header('ETag', etag(body.version))
        .send(body);
    },
  );
}
