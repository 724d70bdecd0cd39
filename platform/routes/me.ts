import { userPatchSchema, userSchema } from '../../shared/domain/account';
import type { PlatformApp, PlatformContext } from '../context';
import { toUser } from '../db/mappers';
import { bearerSecurity, requireUser } from '../http/authenticate';

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
    async (request) => toUser(await requireUser(ctx, request)),
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['Comptes'],
        summary: 'Modifier mes informations personnelles (hors mail et mot de passe)',
        security: bearerSecurity,
        body: userPatchSchema.strict(),
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const user = await requireUser(ctx, request);
      const patch = request.body;
      const row = await ctx.db
        .updateTable('users')
        .set({
          ...(patch.firstName !== undefined ? { first_name: patch.firstName } : {}),
          ...(patch.lastName !== undefined ? { last_name: patch.lastName } : {}),
          ...(patch.mobile !== undefined ? { mobile: patch.mobile } : {}),
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', user.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUser(row);
    },
  );
}
