import { sql } from 'kysely';
import type { Commune, Diploma, RomeEntry } from '../../../shared/domain/referentials';
import type { CommuneTable, DiplomaTable, RomeTable } from '../db/schema';
import { searchKey } from '../db/search-key';
import type { ReadTx, WriteTx } from '../db/store';
import { relocateProfiles } from '../profiles/cache';

/** The referentials this desktop keeps, to search and check offers offline. */
export const cachedReferentials = ['rome', 'diplomas', 'communes'] as const;
export type CachedReferential = (typeof cachedReferentials)[number];

interface ReferentialTable<Item> {
  table: 'rome' | 'diploma' | 'commune';
  toRow(item: Item): RomeTable | DiplomaTable | CommuneTable;
}

const tables: {
  rome: ReferentialTable<RomeEntry>;
  diplomas: ReferentialTable<Diploma>;
  communes: ReferentialTable<Commune>;
} = {
  rome: {
    table: 'rome',
    toRow: (item) => ({
      code: item.code,
      label: item.label,
      domain_code: item.domainCode,
      search: searchKey(item.label),
    }),
  },
  diplomas: {
    table: 'diploma',
    toRow: (item) => ({
      id: item.id,
      label: item.label,
      kind: item.kind,
      level: item.level,
      search: searchKey(item.label),
    }),
  },
  communes: {
    table: 'commune',
    toRow: (item) => ({
      code: item.code,
      name: item.name,
      postal_code: item.postalCode,
      departement_code: item.departementCode,
      latitude: item.latitude,
      longitude: item.longitude,
      search: searchKey(item.name),
    }),
  },
};

export type ReferentialItem<N extends CachedReferential> = N extends 'rome'
  ? RomeEntry
  : N extends 'diplomas'
    ? Diploma
    : Commune;

/** Meta keys of a referential: the platform's version and ETag, and when it was last checked. */
export const referentialMeta = (name: CachedReferential) => ({
  version: `referential.version:${name}`,
  etag: `referential.etag:${name}`,
  checkedAt: `referential.checkedAt:${name}`,
});

export function setMeta(tx: WriteTx, key: string, value: string | null): void {
  if (value === null) tx.exec('delete from meta where key = ?', [key]);
  else tx.exec('insert or replace into meta (key, value) values (?, ?)', [key, value]);
}

/** Replaces a referential's rows and its version (inside the caller's transaction: all or nothing). */
export function writeReferential<N extends CachedReferential>(
  tx: WriteTx,
  name: N,
  items: Array<ReferentialItem<N>>,
  version: string,
  etag: string | null,
): void {
  const { table, toRow } = tables[name] as ReferentialTable<ReferentialItem<N>>;
  tx.exec(`delete from "${table}"`);
  for (const item of items) {
    const row = toRow(item) as unknown as Record<string, string | number>;
    const columns = Object.keys(row);
    // Same columns for every row of a table: one cached statement.
    tx.exec(
      `insert or replace into "${table}" (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
      row,
    );
  }
  // The profiles seen here are placed by their commune's centre, for distances.
  if (name === 'communes') relocateProfiles(tx);
  const meta = referentialMeta(name);
  setMeta(tx, meta.version, version);
  setMeta(tx, meta.etag, etag);
  setMeta(tx, meta.checkedAt, new Date().toISOString());
}

/** A meta value, or null. */
export function readMeta(tx: ReadTx, key: string): string | null {
  return tx.first<{ value: string }>(sql`select value from meta where key = ${key}`)?.value ?? null;
}

/** Whether a referential was ever downloaded here (offers are checked against it once it is). */
export function isCached(tx: ReadTx, name: CachedReferential): boolean {
  return readMeta(tx, referentialMeta(name).version) !== null;
}
