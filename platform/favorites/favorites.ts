import type { Favorite, Profile } from '../../shared/domain/profiles';
import { memberName } from '../applications/columns';
import type { PlatformDb } from '../db/open';
import type { FavoritesTable } from '../db/schema';
import { profileToRead } from '../profiles/staff-view';
import { recordChange } from '../sync/log';

// "Favoris": a structure's favourites, shared by its whole team (like its shared offers: every
// member's desktop receives them, entity `favorite`, whose id is the profile's). They go when
// the candidate deletes the profile or closes the account.

export function toFavorite(row: FavoritesTable, profile: Profile): Favorite {
  return {
    id: row.profile_id,
    profile,
    addedBy: row.added_by,
    addedAt: row.added_at,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function recordFavorite(trx: PlatformDb, row: FavoritesTable, profile: Profile | null): Promise<number> {
  return recordChange(trx, {
    structureId: row.structure_id,
    entity: 'favorite',
    entityId: row.profile_id,
    version: row.version,
    data: profile ? toFavorite(row, profile) : null,
  });
}

/**
 * "Ajouter aux favoris", in the caller's transaction: 404 when the profile is gone; a favourite
 * the structure already has is answered as it is (a second click, another member, a retry).
 */
export async function addFavorite(
  trx: PlatformDb,
  member: { structure_id: string; first_name: string; last_name: string },
  profileId: string,
  now: Date,
): Promise<Favorite> {
  const profile = await profileToRead(trx, profileId, now);
  const existing = await trx
    .selectFrom('favorites')
    .selectAll()
    .where('structure_id', '=', member.structure_id)
    .where('profile_id', '=', profileId)
    .executeTakeFirst();
  if (existing) return toFavorite(existing, profile);
  // Added again after a removal: versions go on from the tombstone's, never back.
  const removed = await trx
    .selectFrom('sync_log')
    .select('version')
    .where('structure_id', '=', member.structure_id)
    .where('entity', '=', 'favorite')
    .where('entity_id', '=', profileId)
    .executeTakeFirst();
  const at = now.toISOString();
  const row: FavoritesTable = {
    structure_id: member.structure_id,
    profile_id: profileId,
    added_by: memberName(member),
    added_at: at,
    version: (removed?.version ?? 0) + 1,
    updated_at: at,
  };
  await trx.insertInto('favorites').values(row).execute();
  await recordFavorite(trx, row, profile);
  return toFavorite(row, profile);
}

async function removeRows(trx: PlatformDb, rows: readonly FavoritesTable[]): Promise<void> {
  for (const row of rows) {
    await trx
      .deleteFrom('favorites')
      .where('structure_id', '=', row.structure_id)
      .where('profile_id', '=', row.profile_id)
      .execute();
    await recordFavorite(trx, { ...row, version: row.version + 1 }, null);
  }
}

/** "Retirer des favoris", in the caller's transaction (nothing to do when it is no favourite). */
export async function removeFavorite(trx: PlatformDb, structureId: string, profileId: string): Promise<void> {
  await removeRows(
    trx,
    await trx
      .selectFrom('favorites')
      .selectAll()
      .where('structure_id', '=', structureId)
      .where('profile_id', '=', profileId)
      .execute(),
  );
}

/** Profiles about to be deleted: every structure loses them from its favourites. */
export async function removeFavoritesOf(trx: PlatformDb, profileIds: readonly string[]): Promise<void> {
  if (profileIds.length === 0) return;
  await removeRows(
    trx,
    await trx.selectFrom('favorites').selectAll().where('profile_id', 'in', profileIds).execute(),
  );
}
