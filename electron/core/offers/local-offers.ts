import { sql, type RawBuilder } from 'kysely';
import { offerFromColumns, type OfferColumns } from '../../../shared/db/rows';
import { offerStatuses, type OfferStatus } from '../../../shared/domain/offers';
import type { LocalOffer } from '../../../shared/domain/session';
import type { offersListQuerySchema } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { z } from '../../../shared/zod';
import type { OfferTable } from '../db/schema';
import { searchKey } from '../db/search-key';
import type { LocalStore, ReadTx } from '../db/store';

export type OffersListQuery = z.output<typeof offersListQuerySchema>;

function localOffer(row: PageRow): LocalOffer {
  // The fresh object completed rather than copied: a page is 50 of them at each read.
  const offer = offerFromColumns(row) as LocalOffer;
  offer.syncState = row.sync_state;
  return offer;
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

/** Each sort's column: an index starts with the status and ends with it (see migrations 0003, 0008). */
const sortColumns: Record<OffersListQuery['sort'], string> = {
  createdAt: 'created_at',
  number: 'number_key',
  title: 'title_key',
  employer: 'employer_key',
  startDate: 'start_date',
};

/**
 * What a page shows of an offer (offerFromColumns and the sync state), not its sort keys: each
 * column read is a value made for each of the page's rows.
 */
type PageRow = OfferColumns & Pick<OfferTable, 'sync_state'>;
/** Every column of a page's row, named once (the type makes a column left out an error). */
const pageColumns: Record<keyof PageRow, true> = {
  id: true,
  number: true,
  employer_id: true,
  employer_name: true,
  title: true,
  rome_code: true,
  rome_label: true,
  rome_version: true,
  diploma_ids: true,
  contract_type: true,
  start_date: true,
  duration_months: true,
  positions: true,
  rhythm: true,
  commune_code: true,
  commune_name: true,
  description: true,
  handicap_commitment: true,
  shared_with_structure: true,
  france_travail: true,
  status: true,
  created_by: true,
  created_at: true,
  published_at: true,
  archive_at: true,
  applications_count: true,
  version: true,
  updated_at: true,
  sync_state: true,
};
const PAGE_COLUMNS = sql.raw(
  Object.keys(pageColumns)
    .map((column) => `offer.${column}`)
    .join(', '),
);

/**
 * The two queries of a "Mes offres" page: its rows, and how many rows match.
 *
 * The page is found first as rowids, then only its rows are read whole: skipping an offset or
 * sorting a few dozen candidates then touches index entries, not 30-column rows.
 */
export function offersListSql(query: OffersListQuery) {
  const counted = [sql`status = ${query.status}`];
  const steered = [sql`status = ${query.status}`];
  const both = (condition: RawBuilder<unknown>) => {
    counted.push(condition);
    steered.push(condition);
  };
  if (query.employerId) both(sql`employer_id = ${query.employerId}`);
  if (query.romeCode) both(sql`rome_code = ${query.romeCode.trim().toUpperCase()}`);
  // Without statistics SQLite cannot tell a filter that keeps a few rows (an employer, a métier)
  // from one that keeps a third of them (a contract type, a large commune) or from walking the
  // sort's index. An employer or a métier is read through its own index, its few dozen rows
  // sorted in memory. Otherwise the sort's index is walked: it holds the contract type and the
  // commune (0008), so the unary + keeps them off their own indexes and the page comes in order
  // from the index alone. Counting is best done through their own indexes.
  const selective = Boolean(query.employerId || query.romeCode);
  const broad = (column: string, value: string) => {
    counted.push(sql`${sql.ref(column)} = ${value}`);
    steered.push(selective ? sql`${sql.ref(column)} = ${value}` : sql`+${sql.ref(column)} = ${value}`);
  };
  if (query.contractType) broad('contract_type', query.contractType);
  if (query.communeCode) broad('commune_code', query.communeCode.trim());
  const words = query.q ? searchKey(query.q) : '';
  if (words)
    both(
      sql`(instr(title_key, ${words}) > 0 or instr(employer_key, ${words}) > 0 or cast(number as text) = ${words})`,
    );
  // The selective filters' indexes end with created_at: that order needs no help.
  const column =
    selective && query.sort !== 'createdAt'
      ? sql`+${sql.ref(sortColumns[query.sort])}`
      : sql.ref(sortColumns[query.sort]);
  const direction = query.direction === 'asc' ? sql`asc` : sql`desc`;
  // The id settles ties, so that pages neither repeat nor skip a row. The page's rowids come in
  // order, and the cross join keeps them as the outer loop: the rows follow in that order.
  const page = sql`select rowid as r from offer where ${sql.join(steered, sql` and `)}
    order by ${column} ${direction}, id ${direction} limit ${query.limit} offset ${query.offset}`;
  // A whole tab is counted from the tally (migration 0010): 12,000 index entries are not.
  const whole = counted.length === 1;
  return {
    rows: sql<PageRow>`select ${PAGE_COLUMNS} from (${page}) as page cross join offer on offer.rowid = page.r`,
    total: whole
      ? sql<{ n: number }>`select coalesce(sum(n), 0) as n from offer_tally where status = ${query.status}`
      : sql<{ n: number }>`select count(*) as n from offer where ${sql.join(counted, sql` and `)}`,
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
    // From the tally (migration 0010), not from 20,000 rows.
    for (const row of tx.all<{ status: OfferStatus; n: number }>(sql`select status, n from offer_tally`))
      if (Object.hasOwn(counts, row.status)) counts[row.status] = row.n;
    return counts;
  });
}
