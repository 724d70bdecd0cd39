import { sql, type Kysely, type Migration } from 'kysely';
import { profileFromColumns, type ProfileOwnColumns } from '../../../../shared/db/profile-rows';
import {
  employerFromColumns,
  offerFromColumns,
  type EmployerColumns,
  type OfferColumns,
} from '../../../../shared/db/rows';
import { applicationFromColumns, type ApplicationColumns } from '../../../../shared/db/application-rows';
import { fold } from '../../../../shared/text/fold';
import {
  applicationDocument,
  employerDocument,
  offerDocument,
  profileDocument,
} from '../../search/documents';
import type { SearchDocument } from '../../search/search-index';

/**
 * 0009_search_prefixes: the full-text index gets prefix indexes of 4 to 7 letters besides 1 to 3
 * (issue 15). What is typed is searched as the start of words; a start longer than the longest
 * prefix index makes FTS5 merge, at each search and for each kind searched, the whole lists of
 * every word it begins (all kinds together: "pour" reads the lists of 100,000 profiles even to
 * find offers), where a prefix index reads only the few newest documents of the kind. Starts of
 * 8 letters and more match rarer words. The words written cost more (about twice the work of
 * the index at each write), the searches as typed are several times faster.
 *
 * The index is contentless: it is made again from the rows, with the live documents
 * (search/documents.ts) and fold, as the write path makes them now (on purpose, as 0006 does:
 * a later change of the documents comes with a migration of its own). The same document
 * numbers (search/search-index.ts), given in increasing order. Released: never edited.
 */
export const searchPrefixes: Migration = {
  async up(db: Kysely<any>) {
    await sql`drop table search_fts`.execute(db);
    await sql`create virtual table search_fts using fts5(title, body, content='', contentless_delete=1,
        prefix='1 2 3 4 5 6 7', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await reindex(db, 'offer', 1n, (row: OfferColumns) => offerDocument(offerFromColumns(row)));
    await reindex(db, 'employer', 2n, (row: EmployerColumns) => employerDocument(employerFromColumns(row)));
    await reindex(db, 'application', 3n, (row: ApplicationColumns) =>
      applicationDocument(applicationFromColumns(row)),
    );
    await reindex(db, 'profile', 4n, (row: ProfileOwnColumns) => profileDocument(profileFromColumns(row)));
  },
};

/** Rows read at once: a page, not a whole table of 200,000 applications. */
const PAGE = 5000;
/** Documents an insert statement (3 bound values each, far below SQLite's limit of 32,766). */
const INSERTED = 500;

async function reindex<Row>(
  db: Kysely<any>,
  table: string,
  kind: bigint,
  document: (row: Row) => SearchDocument,
): Promise<void> {
  const base = kind * 2n ** 40n;
  for (let after = 0; ;) {
    const { rows } = await sql<Row & { search_rowid: number }>`
      select rowid as search_rowid, * from ${sql.table(table)} where rowid > ${after}
      order by rowid limit ${PAGE}`.execute(db);
    if (rows.length === 0) return;
    // Many documents a statement: the migration runs through kysely, one await per statement.
    for (let i = 0; i < rows.length; i += INSERTED) {
      const values = rows.slice(i, i + INSERTED).map((row) => {
        const { title, body } = document(row);
        return sql`(${base + BigInt(row.search_rowid)}, ${fold(title)}, ${fold(body)})`;
      });
      await sql`insert into search_fts (rowid, title, body) values ${sql.join(values)}`.execute(db);
    }
    after = rows.at(-1)!.search_rowid;
  }
}
