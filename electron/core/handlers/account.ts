import { accountExportSchema, userSchema } from '../../../shared/domain/account';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { z } from '../../../shared/zod';
import { readLocalSession } from '../session/local-session';
import { syncEntities } from '../sync/entities';
import type { HandlerContext } from './context';
import { needsPlatform } from './needs-platform';

export function accountHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  | 'account.update'
  | 'account.changeMail'
  | 'account.changePassword'
  | 'account.delete'
  | 'account.export'
  | 'account.deleteLocalData'
> {
  const signedIn = async () => {
    const account = ctx.sessions.requireAccount();
    const { user } = await readLocalSession(account.store);
    if (!user) throw new AppError('unauthorized', 'Connectez-vous pour modifier vos informations.');
    return { ...account, user };
  };

  return {
    async 'account.update'(patch) {
      const { store, sync, user } = await signedIn();
      await sync.update(syncEntities.account, user.id, patch);
      return (await readLocalSession(store)).user!;
    },
    async 'account.changeMail'(change) {
      const { store, sync } = await signedIn();
      const user = await ctx.client
        .call({ method: 'POST', path: '/me/mail', body: change, auth: true, schema: userSchema })
        .catch(needsPlatform('Le changement de mail'));
      await sync.applyServerRows(syncEntities.account, [user]);
      return (await readLocalSession(store)).user!;
    },
    async 'account.changePassword'({ currentPassword, newPassword }) {
      await signedIn();
      await ctx.client
        .call({
          method: 'POST',
          path: '/me/password',
          body: { currentPassword, newPassword },
          auth: true,
          schema: z.unknown(),
        })
        .catch(needsPlatform('Le changement de mot de passe'));
      return { done: true as const };
    },
    async 'account.delete'(confirmation) {
      await signedIn();
      await ctx.client
        .call({ method: 'DELETE', path: '/me', body: confirmation, auth: true, schema: z.unknown() })
        .catch(needsPlatform('La suppression de votre compte'));
      await ctx.sessions.forgetClosedAccount();
      return { done: true as const };
    },
    async 'account.export'() {
      await signedIn();
      return ctx.client
        .call({ method: 'GET', path: '/me/export', auth: true, schema: accountExportSchema })
        .catch(needsPlatform('L’export de vos données'));
    },
    async 'account.deleteLocalData'({ userId }) {
      return ctx.sessions.deleteLocalData(userId);
    },
  };
}
