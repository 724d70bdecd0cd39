import { sql } from 'kysely';
import type { Commune, Diploma, RomeEntry } from '../../../shared/domain/referentials';
import type { CommuneTable, DiplomaTable, RomeTable } from '../db/schema';
import { searchKey } from '../db/search-key';
import type { LocalStore, ReadTx } from '../db/store';

/** A search list shows this many suggestions at most. */
const SEARCH_LIMIT = 30;

const romeEntry = (row: RomeTable): RomeEntry => ({
  code: row.code,
  label: row.label,
  domainCode: row.domain_code,
});

const commune = (row: CommuneTable): Commune => ({
  code: row.code,
  name: row.name,
  postalCode: row.postal_code,
  departementCode: row.departement_code,
  latitude: row.latitude,
  longitude: row.longitude,
});

const diploma = (row: DiplomaTable): Diploma => ({
  id: row.id,
  label: row.label,
  kind: row.kind as Diploma['kind'],
  level: row.level,
});

/**
 * The filter and the order of a search: a row matches when its code starts with the query, or
 * when its label contains every word of it, accents and case aside. Rows whose code or label
 * starts with the query come first, then those with a word starting with it, then the rest.
 */
function searchTerms(q: string, codeColumns: string[]) {
  const key = searchKey(q);
  const code = q.trim().toUpperCase();
  const words = key.split(' ').filter(Boolean);
  const codeStarts = sql.join(
    codeColumns.map((column) => sql`substr(${sql.ref(column)}, 1, length(${code})) = ${code}`),
    sql` or `,
  );
  const allWords = words.length
    ? sql.join(
        words.map((word) => sql`instr(search, ${word}) > 0`),
        sql` and `,
      )
    : sql`1`;
  return {
    where: sql`(${codeStarts} or (${allWords}))`,
    rank: sql`case when ${codeStarts} or substr(search, 1, length(${key})) = ${key} then 0
      when instr(' ' || search, ${` ${words[0] ?? ''}`}) > 0 then 1 else 2 end`,
  };
}

/** Métiers by code ("D11", "d1102") or words of their label. 1,584 rows: a scan is well under a millisecond. */
export function searchRome(store: LocalStore, q: string): Promise<RomeEntry[]> {
  const { where, rank } = searchTerms(q, ['code']);
  return store.read((tx) =>
    tx
      .all<RomeTable>(
        sql`select * from rome where ${where} order by ${rank}, search, code limit ${SEARCH_LIMIT}`,
      )
      .map(romeEntry),
  );
}

/** Communes by INSEE code, postal code or words of their name. */
export function searchCommunes(store: LocalStore, q: string): Promise<Commune[]> {
  const { where, rank } = searchTerms(q, ['code', 'postal_code']);
  return store.read((tx) =>
    tx
      .all<CommuneTable>(
        sql`select * from commune where ${where} order by ${rank}, search, code limit ${SEARCH_LIMIT}`,
      )
      .map(commune),
  );
}

/** Every diploma, by level then label (a few hundred at most). */
export function allDiplomas(store: LocalStore): Promise<Diploma[]> {
  return store.read((tx) =>
    tx.all<DiplomaTable>(sql`select * from diploma order by level, search, id`).map(diploma),
  );
}

export function romeByCode(tx: ReadTx, code: string): RomeEntry | undefined {
  const row = tx.first<RomeTable>(sql`select * from rome where code = ${code}`);
  return row && romeEntry(row);
}

export function communeByCode(tx: ReadTx, code: string): Commune | undefined {
  const row = tx.first<CommuneTable>(sql`select * from commune where code = ${code}`);
  return row && commune(row);
}

/** The ids among `ids` that are not in the diplomas referential. */
export function unknownDiplomas(tx: ReadTx, ids: string[]): string[] {
  const known = new Set(
    tx.all<{ id: string }>(sql`select id from diploma where id in (${sql.join(ids)})`).map((row) => row.id),
  );
  return ids.filter((id) => !known.has(id));
}
