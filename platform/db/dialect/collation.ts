import { sql, type RawBuilder } from 'kysely';
import { dialectOf, type DialectSource } from './kind';

/**
 * `expression` compared without regard to case, for sorting and for the indexes that serve those
 * sorts. SQLite's NOCASE folds ASCII letters and then compares bytes; PostgreSQL's `lower()`
 * under the "C" collation is the nearest match (byte order, whatever the cluster's locale), and
 * the parentheses let the same text stand as an index expression.
 */
export function caseInsensitive<T>(db: DialectSource, expression: RawBuilder<T>): RawBuilder<T> {
  return dialectOf(db) === 'postgres'
    ? sql<T>`(lower(${expression}) collate "C")`
    : sql<T>`${expression} collate nocase`;
}
