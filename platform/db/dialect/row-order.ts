import { sql, type RawBuilder } from 'kysely';
import { dialectOf, type DialectSource } from './kind';

/**
 * The tables whose rows are ordered by when they were written, as a tie-break between rows made
 * in the same millisecond. SQLite numbers every row (`rowid`); PostgreSQL has no such number, so
 * migration 0009 gives these tables an identity column, `row_order`, numbered the same way.
 */
export const ORDERED_TABLES = ['candidate_profiles', 'candidate_notifications'] as const;
export type OrderedTable = (typeof ORDERED_TABLES)[number];

/** The order `table`'s rows were written in (greater = later). */
export function rowOrder(db: DialectSource, table: OrderedTable): RawBuilder<number> {
  return dialectOf(db) === 'postgres'
    ? sql<number>`${sql.ref(`${table}.row_order`)}`
    : sql<number>`${sql.ref(table)}.rowid`;
}
