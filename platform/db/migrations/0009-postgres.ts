import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../dialect/kind';
import { ORDERED_TABLES } from '../dialect/row-order';

/**
 * 0009_postgres: What PostgreSQL needs that SQLite has by itself. Nothing on SQLite: the
 * migration list stays one list, and a SQLite file records this step as done.
 */
export const migration0009Postgres: Migration = {
  async up(db: Kysely<any>) {
    if (dialectOf(db) !== 'postgres') return;
    // Rows made in the same millisecond are told apart by the order they were written in
    // (SQLite numbers its rows by itself). Existing rows are numbered in the table's order, new ones as they come.
    for (const table of ORDERED_TABLES) {
      await sql`alter table ${sql.table(table)} add column row_order bigint generated always as identity`.execute(
        db,
      );
      await db.schema.createIndex(`${table}_row_order`).on(table).column('row_order').execute();
    }
    // Offer and profile searches match words anywhere in the folded search text (LIKE '%mot%'):
    // trigram indexes serve those, where a B-tree cannot. The text is folded by the platform
    // (shared/text/fold.ts) on both engines, which keeps results identical; unaccent is not needed.
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index offers_search_trgm on offers using gin (search_text gin_trgm_ops)`.execute(db);
    await sql`create index candidate_profiles_search_trgm on candidate_profiles
      using gin ((' ' || search_text) gin_trgm_ops)`.execute(db);
  },
};
