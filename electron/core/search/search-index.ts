import { sql } from 'kysely';
import type { SearchKind } from '../../../shared/domain/global-search';
import type { ReadTx, WriteTx } from '../db/store';
import { fold } from '../../../shared/text/fold';

// One full-text index (`search_fts`, migration 0005) for offers, employers, applications and the
// profiles seen here, kept by the same transactions as the rows. It keeps only words
// (contentless): a document is numbered by its row's rowid, in a range of numbers of its kind,
// so that a search of one kind reads only that kind's part of the index and finds its rows by
// rowid. (A VACUUM may renumber the rows of tables without an integer primary key: the index
// would then have to be built again, as migration 0005 built it.)

/** Fixed by migration 0005, which numbered the rows already there. */
const kindNumbers: Record<SearchKind, number> = { offer: 1, employer: 2, application: 3, profile: 4 };
const KIND_SPAN = 2n ** 40n;

/** The table each kind's rows are in (a kind is named after it). */
export const searchTables: Record<SearchKind, string> = {
  offer: 'offer',
  employer: 'employer',
  application: 'application',
  profile: 'profile',
};

/**
 * The first document number of a kind. As integers (BigInt) for SQLite: FTS5 seeks a range of
 * integers, but reads every document of the index to filter a range of reals.
 */
export function kindBase(kind: SearchKind): bigint {
  return BigInt(kindNumbers[kind]) * KIND_SPAN;
}

/** What is searched in a row: its title words (names, numbers) and the rest. */
export interface SearchDocument {
  title: string;
  body: string;
}

interface PendingDocument extends SearchDocument {
  /** Not in the index yet (a new row): inserted, not replaced (a replacement costs a deletion). */
  created: boolean;
}

/** The documents a transaction writes, by number, until its end. */
const pending = new WeakMap<WriteTx, Map<bigint, PendingDocument>>();

/**
 * FTS5 keeps a transaction's words in memory while the document numbers it is given increase,
 * and writes them out at each decrease: a pull that writes applications and their profiles
 * (two kinds, two ranges of numbers) one after the other would write them out at every row.
 * Given in order at the end of the transaction, they are written once.
 */
function writePending(tx: WriteTx, documents: Map<bigint, PendingDocument>): void {
  pending.delete(tx);
  for (const number of [...documents.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const { title, body, created } = documents.get(number)!;
    tx.exec(
      `${created ? 'insert' : 'insert or replace'} into search_fts (rowid, title, body) values (?, ?, ?)`,
      [number, title, body],
    );
  }
}

/** A row's words (written at the end of the transaction): `created` for a row new here, else they replace its previous ones. */
export function indexDocument(
  tx: WriteTx,
  kind: SearchKind,
  rowid: number,
  document: SearchDocument,
  created: boolean,
): void {
  let documents = pending.get(tx);
  if (!documents) {
    const started = new Map<bigint, PendingDocument>();
    pending.set(tx, started);
    tx.atEnd('search-index', () => writePending(tx, started));
    documents = started;
  }
  const number = kindBase(kind) + BigInt(rowid);
  documents.set(number, {
    // The shared fold, not only the tokenizer's remove_diacritics: that one keeps œ, ø, ß, ł, ﬁ
    // as letters of their own ("Søren" would not be found by "soren").
    title: fold(document.title),
    body: fold(document.body),
    created: documents.get(number)?.created ?? created,
  });
}

/** A row leaves the index (nothing happens when it was not in it). */
export function unindexDocument(tx: WriteTx, kind: SearchKind, rowid: number): void {
  const number = kindBase(kind) + BigInt(rowid);
  const documents = pending.get(tx);
  const waiting = documents?.get(number);
  documents?.delete(number);
  // Only waiting to be written for the first time: never in the index.
  if (!waiting?.created) tx.exec('delete from search_fts where rowid = ?', [number]);
}

/** Empties the index (the structure's data is forgotten). */
export function clearSearchIndex(tx: WriteTx): void {
  pending.get(tx)?.clear();
  tx.exec("insert into search_fts (search_fts) values ('delete-all')");
}

/**
 * The ids of the rows of one kind whose documents match an FTS query (see ftsQuery), as a
 * subquery; `column` restricts the match to titles or bodies.
 */
export function matchingSql(kind: SearchKind, query: string, column?: keyof SearchDocument) {
  const base = kindBase(kind);
  const match = column ? `{${column}} : (${query})` : query;
  return sql<{ id: string }>`select t.id as id
    from search_fts as f join ${sql.table(searchTables[kind])} as t on t.rowid = f.rowid - ${base}
    where search_fts match ${match} and f.rowid between ${base} and ${base + KIND_SPAN - 1n}`;
}

/**
 * The rowids of the rows of one kind whose documents match an FTS query, as a subquery for
 * `rowid in (…)`: the rows are not read to find them (matchingSql reads one per match, 40,000
 * for a common word). A document whose row is gone matches no row, as with matchingSql.
 */
export function matchingRowidsSql(kind: SearchKind, query: string, column?: keyof SearchDocument) {
  const base = kindBase(kind);
  const match = column ? `{${column}} : (${query})` : query;
  return sql<{ rowid: number }>`select f.rowid - ${base} from search_fts as f
    where search_fts match ${match} and f.rowid between ${base} and ${base + KIND_SPAN - 1n}`;
}

/** The ids of the first `limit` rows of one kind matching an FTS query, the newest rows first. */
export function matchingIds(tx: ReadTx, kind: SearchKind, query: string, limit: number): string[] {
  return tx
    .all(sql<{ id: string }>`${matchingSql(kind, query)} order by f.rowid desc limit ${limit}`)
    .map((row) => row.id);
}
