import { sql } from 'kysely';
import { offerFromColumns } from '../../../shared/db/rows';
import { offerStatuses, type OfferStatus } from '../../../shared/domain/offers';
import type { LocalOffer } from '../../../shared/domain/session';
import type { offersListQuerySchema } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { z } from '../../../shared/zod';
import type { OfferTable } from '../db/schema';
import { searchKey } from '../db/search-key';
import type { LocalStore, ReadTx } from '../db/store';

export type OffersListQuery = z.output<typeof offersListQuerySchema>;

function localOffer(row: OfferTable): LocalOffer {
  return { ...offerFromColumns(row), syncState: row.sync_state };
}

export function findOffer(tx: ReadTx, id: string): LocalOffer | undefined {
  const row = tx.first<OfferTable>(sql`select * from offer where id = ${id}`);
  return row && localOffer(row);
}

export async function readOffer(store: LocalStore, id: string): Promise<LocalOffer> {
  const offer = await store.read((tx) => findOffer(tx, id));
  if (!offer) throw new AppError('not_found', 'Cette offre est introuvable sur ce poste.');
  return offer;
}

/** Each sort's column: an index starts with the status and ends with it (see migration 0003). */
const sortColumns: Record<OffersListQuery['sort'], string> = {
  createdAt: 'created_at',
  number: 'number_key',
  title: 'title_key',
  employer: 'employer_key',
  startDate: 'start_date',
};

/** The two queries of a "Mes offres" page: its rows, and how many rows match. */
export function offersListSql(query: OffersListQuery) {
  const conditions = [sql`status = ${query.status}`];
  if (query.employerId) conditions.push(sql`employer_id = ${query.employerId}`);
  if (query.romeCode) conditions.push(sql`rome_code = ${query.romeCode.trim().toUpperCase()}`);
  if (query.communeCode) conditions.push(sql`commune_code = ${query.communeCode.trim()}`);
  // Without statistics SQLite cannot tell a filter that keeps a few rows (an employer, a métier,
  // a commune) from one that keeps a third of them (a contract type) or from walking the sort's
  // index: the unary + keeps it off the index that would read the whole tab. A few dozen rows
  // are then sorted in memory, instead of thousands scanned in order.
  const selective = conditions.length > 1;
  if (query.contractType)
    conditions.push(
      selective ? sql`+contract_type = ${query.contractType}` : sql`contract_type = ${query.contractType}`,
    );
  const words = query.q ? searchKey(query.q) : '';
  if (words) {
    conditions.push(
      sql`(instr(title_key, ${words}) > 0 or instr(employer_key, ${words}) > 0 or cast(number as text) = ${words})`,
    );
  }
  const where = sql.join(conditions, sql` and `);
  // The filters' indexes end with created_at: that order needs no help.
  const column =
    selective && query.sort !== 'createdAt'
      ? sql`+${sql.ref(sortColumns[query.sort])}`
      : sql.ref(sortColumns[query.sort]);
  const direction = query.direction === 'asc' ? sql`asc` : sql`desc`;
  return {
    // The id settles ties, so that pages neither repeat nor skip a row.
    rows: sql<OfferTable>`select * from offer where ${where} order by ${column} ${direction}, id ${direction}
      limit ${query.limit} offset ${query.offset}`,
    total: sql<{ n: number }>`select count(*) as n from offer where ${where}`,
  };
}

/** "Mes offres": one tab, its filters, one page in the chosen order, and how many match. */
export function listOffers(
  store: LocalStore,
  query: OffersListQuery,
): Promise<{ rows: LocalOffer[]; total: number }> {
  const { rows, total } = offersListSql(query);
  return store.read((tx) => ({
    rows: tx.all(rows).map(localOffer),
    total: tx.first(total)?.n ?? 0,
  }));
}

/** How many offers each tab holds. */
export function countOffers(store: LocalStore): Promise<Record<OfferStatus, number>> {
  return store.read((tx) => {
    const counts = Object.fromEntries(offerStatuses.map((status) => [status, 0])) as Record<
      OfferStatus,
      number
    >;
    for (const row of tx.all<{ status: OfferStatus; n: number }>(
      sql`select status, count(*) as n from offer group by status`,
    ))
      if (Object.hasOwn(counts, row.status)) counts[row.status] = row.n;
    return counts;
  });
}
