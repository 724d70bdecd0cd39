import { sql } from 'kysely';
import type { ReadTx, WriteTx } from '../../db/store';
import { cursorKey } from '../cursor';
import { syncEntities } from '../entities';

// Where a bootstrap stands, in the account's `meta` table: written by the same transactions as
// the rows it loads, so that a crash leaves the rows and their position together.

export type BootstrapStage = 'load' | 'index';

export interface BootstrapState {
  /** The snapshot being loaded (null until its header came): asked again when resuming. */
  upTo: number | null;
  /** The last seq stored: a resumed download asks for the rows after it. */
  after: number;
  stage: BootstrapStage;
  /**
   * The cursor of the first snapshot this bootstrap loaded. When the platform no longer serves
   * it (a restart on a newer snapshot), the rows already here are older than the new snapshot:
   * the incremental feed then continues from this one, so its tombstones remove what the newer
   * snapshot no longer has (an older version never overwrites a newer one).
   */
  floor: number | null;
  /** Rows stored so far, and the rows there will be (for the progress). */
  loaded: number;
  total: number | null;
}

export function bootstrapKey(structureId: string): string {
  return `bootstrap.${structureId}`;
}

/** The secondary indexes dropped for the load, with their SQL (recreated at the end). */
const DROPPED_INDEXES_KEY = 'bootstrap.droppedIndexes';

interface DroppedIndex {
  name: string;
  sql: string;
}

export function readBootstrapState(tx: ReadTx, structureId: string): BootstrapState | undefined {
  const row = tx.get<{ value: string }>('select value from meta where key = ?', [bootstrapKey(structureId)]);
  return row ? (JSON.parse(row.value) as BootstrapState) : undefined;
}

export function writeBootstrapState(tx: WriteTx, structureId: string, state: BootstrapState): void {
  tx.exec('insert or replace into meta (key, value) values (?, ?)', [
    bootstrapKey(structureId),
    JSON.stringify(state),
  ]);
}

/** Whether this structure's first sync started and did not finish: its data is not to be shown as complete. */
export function firstSyncUnfinished(tx: ReadTx, structureId: string): boolean {
  return readBootstrapState(tx, structureId) !== undefined;
}

/** Whether the structure's data must come from a snapshot: never pulled here, or a bootstrap to finish. */
export function needsBootstrap(tx: ReadTx, structureId: string): boolean {
  if (firstSyncUnfinished(tx, structureId)) return true;
  return tx.get('select 1 from meta where key = ?', [cursorKey(structureId)]) === undefined;
}

/** The tables a snapshot's rows are written to (the entities', the profiles cache, the shadows). */
function syncedTables(): Set<string> {
  return new Set([...Object.values(syncEntities).map((entity) => entity.table), 'profile', 'shadow']);
}

/**
 * Drops the secondary indexes of the synced tables (read from sqlite_master: later migrations
 * add their own) and keeps their SQL. Unique indexes stay: an upsert's conflict target may be
 * one. Keys of the tables (primary keys, autoindexes) have no SQL and always stay.
 */
export function dropSecondaryIndexes(tx: WriteTx): void {
  const tables = syncedTables();
  const already = readDroppedIndexes(tx);
  const indexes = tx
    .all<DroppedIndex & { tbl_name: string }>(
      sql`select name, tbl_name, sql from sqlite_master where type = 'index' and sql is not null`,
    )
    .filter((index) => tables.has(index.tbl_name) && !/^\s*create\s+unique\s/i.test(index.sql));
  for (const index of indexes) tx.exec(`drop index "${index.name.replaceAll('"', '""')}"`);
  const kept = [...already, ...indexes.map(({ name, sql }) => ({ name, sql }))];
  tx.exec('insert or replace into meta (key, value) values (?, ?)', [
    DROPPED_INDEXES_KEY,
    JSON.stringify(kept),
  ]);
}

function readDroppedIndexes(tx: ReadTx): DroppedIndex[] {
  const row = tx.get<{ value: string }>('select value from meta where key = ?', [DROPPED_INDEXES_KEY]);
  return row ? (JSON.parse(row.value) as DroppedIndex[]) : [];
}

/** Builds again the indexes dropped for the load (those a migration made since are there already). */
export function recreateSecondaryIndexes(tx: WriteTx): void {
  for (const index of readDroppedIndexes(tx)) {
    const exists = tx.get("select 1 from sqlite_master where type = 'index' and name = ?", [index.name]);
    if (!exists) tx.exec(index.sql);
  }
  tx.exec('delete from meta where key = ?', [DROPPED_INDEXES_KEY]);
}

/** The end of a bootstrap: the structure's cursor is set and its state goes, in the caller's transaction. */
export function finishBootstrap(tx: WriteTx, structureId: string, cursor: number): void {
  tx.exec('insert or replace into meta (key, value) values (?, ?)', [cursorKey(structureId), String(cursor)]);
  tx.exec('delete from meta where key = ?', [bootstrapKey(structureId)]);
}
