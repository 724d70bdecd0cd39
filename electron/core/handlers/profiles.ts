import {
  profileSchema,
  profilesPageSchema,
  type Profile,
  type ProfilesQuery,
} from '../../../shared/domain/profiles';
import type { Handlers, ProfileDetails } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { cacheProfile, findCachedProfile, forgetProfile } from '../profiles/cache';
import { profileDetails } from '../profiles/details';
import { searchCachedProfiles } from '../profiles/offline-search';
import type { LocalStore } from '../db/store';
import type { HandlerContext } from './context';
import { requireMember } from './membership';
import { needsPlatform } from './needs-platform';

const unreachable = (error: unknown) => error instanceof AppError && error.code === 'offline';

/** A search as the query string of `GET /profiles` (only the filters given). */
function queryParams(query: ProfilesQuery): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, typeof value === 'boolean' ? String(value) : (value as string | number)]),
  );
}

/** A profile from the platform (kept here as it passes), else as kept here. */
async function platformOrCache(
  ctx: HandlerContext,
  store: LocalStore,
  id: string,
): Promise<{ profile: Profile; source: ProfileDetails['source'] }> {
  try {
    const profile = await ctx.client.call({
      method: 'GET',
      path: `/profiles/${id}`,
      auth: true,
      schema: profileSchema,
    });
    await store.write((tx) => cacheProfile(tx, profile));
    return { profile, source: 'platform' };
  } catch (error) {
    // The candidate deleted it: nothing of it stays here either. Its favourites and alerts are
    // synced rows, the platform's to remove: they stay until it does, without bringing the
    // profile back (see cacheCarriedProfile in sync/entities.ts).
    if (error instanceof AppError && error.code === 'not_found')
      await store.write((tx) => forgetProfile(tx, id));
    if (!unreachable(error)) throw error;
    const profile = await store.read((tx) => findCachedProfile(tx, id));
    if (!profile) return needsPlatform('Ce profil n’est pas enregistré sur ce poste : son affichage')(error);
    return { profile, source: 'cache' };
  }
}

/**
 * "Rechercher des profils" and "Détails": the platform answers when it can be reached (its
 * refusals name their fields), and every profile it shows is kept here; otherwise the profiles
 * kept here answer, and `source` says so.
 */
export function profilesHandlers(
  ctx: HandlerContext,
  clock: () => Date = () => new Date(),
): Pick<Handlers, 'profiles.search' | 'profiles.get'> {
  return {
    async 'profiles.search'(query) {
      const { store } = await requireMember(ctx);
      try {
        const page = await ctx.client.call({
          method: 'GET',
          path: '/profiles',
          params: queryParams(query),
          auth: true,
          schema: profilesPageSchema,
        });
        await store.write((tx) => {
          for (const profile of page.profiles) cacheProfile(tx, profile);
        });
        return { ...page, source: 'platform' as const };
      } catch (error) {
        if (!unreachable(error)) throw error;
        return { ...(await store.read((tx) => searchCachedProfiles(tx, query))), source: 'cache' as const };
      }
    },
    async 'profiles.get'({ id }) {
      const { store } = await requireMember(ctx);
      const { profile, source } = await platformOrCache(ctx, store, id);
      return store.read((tx) => profileDetails(tx, profile, source, clock()));
    },
  };
}
