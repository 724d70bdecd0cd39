import type { Handlers } from '../../../shared/ipc/contract';
import { findFavorite, listFavorites } from '../profiles/local-rows';
import { requireCachedProfile } from '../profiles/not-here';
import { syncEntities } from '../sync/entities';
import type { HandlerContext } from './context';
import { memberName, requireMember } from './membership';

/** Thrown inside the creation's transaction when the favourite is there already: nothing to write. */
class AlreadyFavorite extends Error {}

/**
 * "Favoris", shared by the whole structure: added and removed here at once (offline too), sent
 * at the next sync. Adding a favourite twice, or removing one that is not there, changes nothing.
 */
export function favoritesHandlers(
  ctx: HandlerContext,
  clock: () => Date = () => new Date(),
): Pick<Handlers, 'favorites.list' | 'favorites.add' | 'favorites.remove'> {
  return {
    async 'favorites.list'() {
      return ctx.sessions.requireAccount().store.read(listFavorites);
    },
    async 'favorites.add'({ profileId }) {
      const { store, sync, user } = await requireMember(ctx);
      const profile = await store.read((tx) => requireCachedProfile(tx, profileId));
      const now = clock().toISOString();
      const view = {
        id: profileId,
        profile,
        addedBy: memberName(user),
        addedAt: now,
        version: 0,
        updatedAt: now,
      };
      try {
        await sync.create(syncEntities.favorite, view, {}, (tx) => {
          if (findFavorite(tx, profileId)) throw new AlreadyFavorite();
        });
      } catch (error) {
        if (!(error instanceof AlreadyFavorite)) throw error;
      }
      return (await store.read((tx) => findFavorite(tx, profileId)))!;
    },
    async 'favorites.remove'({ profileId }) {
      const { sync } = await requireMember(ctx);
      await sync.remove(syncEntities.favorite, profileId);
      return { done: true as const };
    },
  };
}
