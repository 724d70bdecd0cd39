import { sql, type RawBuilder } from 'kysely';
import type { LocalAlert } from '../../../shared/domain/alerts';
import type { LocalContact, LocalFavorite } from '../../../shared/domain/profiles';
import type { SyncState } from '../../../shared/domain/sync';
import type { ReadTx } from '../db/store';
import { syncEntities, type EntityData, type SyncEntity } from '../sync/entities';

// Favourites, contacts and alerts as cached here, with where each stands with the platform.

type Row = Record<string, string | number | null> & { sync_state: SyncState };

function localRows<T extends EntityData>(
  tx: ReadTx,
  entity: SyncEntity,
  query: RawBuilder<Row>,
): Array<T & { syncState: SyncState }> {
  return tx.all(query).map((row) => ({ ...(entity.fromColumns(row) as T), syncState: row.sync_state }));
}

/** The dashboard's "Favoris": the structure's favourites, the most recent first. */
export function listFavorites(tx: ReadTx): LocalFavorite[] {
  return localRows(
    tx,
    syncEntities.favorite,
    sql<Row>`select * from favorite order by added_at desc, id desc`,
  );
}

export function findFavorite(tx: ReadTx, profileId: string): LocalFavorite | undefined {
  return localRows<LocalFavorite>(
    tx,
    syncEntities.favorite,
    sql<Row>`select * from favorite where id = ${profileId}`,
  )[0];
}

/** A profile's "Contacter ce profil" history, the most recent first. */
export function contactsOf(tx: ReadTx, profileId: string): LocalContact[] {
  return localRows(
    tx,
    syncEntities.contact,
    sql<Row>`select * from contact where profile_id = ${profileId} order by sent_at desc, id desc`,
  );
}

export function findContact(tx: ReadTx, id: string): LocalContact | undefined {
  return localRows<LocalContact>(
    tx,
    syncEntities.contact,
    sql<Row>`select * from contact where id = ${id}`,
  )[0];
}

/**
 * Alerts not dismissed, best first (ties: the newest first, then by id, as on the platform): all,
 * one offer's or one profile's, each read from its index in this order (migration 0005).
 */
export function alertsSql(filter: { offerId?: string | undefined; profileId?: string; limit?: number }) {
  const conditions = [sql`dismissed = 0`];
  if (filter.offerId) conditions.push(sql`offer_id = ${filter.offerId}`);
  if (filter.profileId) conditions.push(sql`profile_id = ${filter.profileId}`);
  return sql<Row>`select * from alert where ${sql.join(conditions, sql` and `)}
      order by score desc, created_at desc, id ${filter.limit === undefined ? sql`` : sql`limit ${filter.limit}`}`;
}

export function listAlerts(tx: ReadTx, filter: Parameters<typeof alertsSql>[0]): LocalAlert[] {
  return localRows(tx, syncEntities.alert, alertsSql(filter));
}
