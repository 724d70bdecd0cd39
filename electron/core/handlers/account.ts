import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { readLocalSession } from '../session/local-session';
import { syncEntities } from '../sync/entities';
import type { HandlerContext } from './context';

export function accountHandlers(ctx: HandlerContext): Pick<Handlers, 'account.update'> {
  return {
    async 'account.update'(patch) {
      const { store, sync } = ctx.sessions.requireAccount();
      const { user } = await readLocalSession(store);
      if (!user) throw new AppError('unauthorized', 'Connectez-vous pour modifier vos informations.');
      await sync.update(syncEntities.account, user.id, patch);
      return (await readLocalSession(store)).user!;
    },
  };
}
