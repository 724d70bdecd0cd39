import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { listAlerts } from '../profiles/local-rows';
import { syncEntities } from '../sync/entities';
import type { HandlerContext } from './context';
import { memberName, requireMember } from './membership';

/** Thrown inside the dismissal's transaction when it was dismissed already: nothing to write. */
class AlreadyDismissed extends Error {}

const GONE =
  'Cette alerte n’est plus sur ce poste : le profil ne correspond plus à l’offre, ou l’offre n’est plus en cours.';

/** "Alertes": computed by the platform, read here; "Ignorer cette alerte" hides one at once. */
export function alertsHandlers(ctx: HandlerContext): Pick<Handlers, 'alerts.list' | 'alerts.dismiss'> {
  return {
    async 'alerts.list'(filter) {
      return ctx.sessions
        .requireAccount()
        .store.read((tx) => listAlerts(tx, { offerId: filter?.offerId, limit: filter?.limit ?? 50 }));
    },
    async 'alerts.dismiss'({ id }) {
      const { sync, user } = await requireMember(ctx);
      try {
        await sync.updateMany(
          syncEntities.alert,
          // Who dismissed it shows at once; the platform records it from the session.
          [{ id, patch: { dismissed: true }, derived: { dismissedBy: memberName(user) } }],
          (tx) => {
            const alert = tx.get<{ dismissed: number }>('select dismissed from alert where id = ?', [id]);
            if (!alert) throw new AppError('not_found', GONE);
            if (alert.dismissed === 1) throw new AlreadyDismissed();
          },
        );
      } catch (error) {
        if (!(error instanceof AlreadyDismissed)) throw error;
      }
      return { done: true as const };
    },
  };
}
