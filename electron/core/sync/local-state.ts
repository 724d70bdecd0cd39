import { sql } from 'kysely';
import { isDeepStrictEqual } from 'node:util';
import type { SyncState } from '../../../shared/domain/sync';
import type { OutboxTable } from '../db/schema';
import type { ReadTx, WriteTx } from '../db/store';
import { editableFields, type EntityData, type SyncEntity } from './entities/types';
import type { Fields } from './merge';
import { moveTally, type TalliedValue } from './tally';

// What the user sees of a synced row (its "view", in the entity's table) is always:
// the platform's last known state (its "shadow", kept only while local changes exist)
// with the local changes of the outbox replayed on top, in order.

const upserts = new Map<string, string>();

function upsertSql(entity: SyncEntity, columns: string[]): string {
  // An entity's columns are always the same ones, in the same order (its toColumns).
  const key = `${entity.table}:${columns.length}`;
  let text = upserts.get(key);
  if (!text) {
    const all = [...columns, 'sync_state'];
    const updates = all.filter((c) => c !== 'id').map((c) => `"${c}" = excluded."${c}"`);
    // Never replace a row by an older version of it (a pull page older than an acknowledgement).
    text = `insert into "${entity.table}" (${all.map((c) => `"${c}"`).join(', ')}) values (${all.map(() => '?').join(', ')})
      on conflict ("id") do update set ${updates.join(', ')} where excluded."version" >= "${entity.table}"."version"`;
    upserts.set(key, text);
  }
  return text;
}

/** A row as it is here before a write or a deletion: what its tally and its followers need. */
interface RowBefore {
  rowid: number;
  version: number;
  sync_state: SyncState;
  tallied: TalliedValue;
  /** The columns its follower reads (RowFollower.reads). */
  [column: string]: unknown;
}

const rowBeforeSqls = new Map<string, string>();

function rowBeforeSql(entity: SyncEntity): string {
  let text = rowBeforeSqls.get(entity.table);
  if (!text) {
    const tallied = entity.tallyColumn ? `"${entity.tallyColumn}"` : 'null';
    const reads = (entity.follow?.reads ?? []).map((column) => `, "${column}"`).join('');
    text = `select rowid, version, sync_state, ${tallied} as tallied${reads} from "${entity.table}" where id = ?`;
    rowBeforeSqls.set(entity.table, text);
  }
  return text;
}

/** What a row was before a write or a deletion (nothing when neither a tally nor a follower needs it). */
function rowBefore(tx: WriteTx, entity: SyncEntity, id: string): RowBefore | undefined {
  if (!entity.tallyColumn && !entity.follow) return undefined;
  return tx.get<RowBefore>(rowBeforeSql(entity), [id]);
}

export function writeView(tx: WriteTx, entity: SyncEntity, data: EntityData, state: SyncState): void {
  const columns = entity.toColumns(data as never);
  const names = Object.keys(columns);
  const before = rowBefore(tx, entity, data.id);
  const written = tx.exec(upsertSql(entity, names), [...names.map((n) => columns[n]), state]);
  // An older version than the one here: nothing was written, nothing follows.
  if (written.changes === 0) return;
  if (entity.tallyColumn) moveTally(tx, entity, before?.tallied, columns[entity.tallyColumn]);
  const follow = entity.follow;
  if (!follow?.written) return;
  // The platform's version of a row here exactly as the platform has it, sent again (a pull
  // from the start, a page pulled again): its words and its profile are here already.
  const again =
    before !== undefined &&
    state === 'synced' &&
    before.sync_state === 'synced' &&
    before.version === data.version;
  if (again) return;
  follow.written(tx, data, {
    rowid: before?.rowid ?? Number(written.lastInsertRowid),
    created: before === undefined,
    newVersion: before === undefined || before.version !== data.version,
    previous: before && Object.fromEntries((follow.reads ?? []).map((column) => [column, before[column]])),
  });
}

export function readView(tx: ReadTx, entity: SyncEntity, id: string): EntityData | undefined {
  const row = tx.first<Record<string, string | number | null>>(
    sql`select * from ${sql.table(entity.table)} where id = ${id}`,
  );
  return row ? entity.fromColumns(row) : undefined;
}

function deleteView(tx: WriteTx, entity: SyncEntity, id: string): void {
  const before = rowBefore(tx, entity, id);
  if (before) entity.follow?.deleting?.(tx, before.rowid);
  tx.run(sql`delete from ${sql.table(entity.table)} where id = ${id}`);
  moveTally(tx, entity, before?.tallied, undefined);
}

export interface Shadow {
  version: number;
  data: EntityData & Fields;
}

export function readShadow(tx: ReadTx, entity: string, id: string): Shadow | undefined {
  const row = tx.first<{ version: number; data: string }>(
    sql`select version, data from shadow where entity = ${entity} and id = ${id}`,
  );
  return row ? { version: row.version, data: JSON.parse(row.data) as Shadow['data'] } : undefined;
}

export function writeShadow(tx: WriteTx, entity: string, data: EntityData): void {
  tx.exec(
    'insert into shadow (entity, id, version, data) values (?, ?, ?, ?) on conflict (entity, id) do update set version = excluded.version, data = excluded.data',
    [entity, data.id, data.version, JSON.stringify(data)],
  );
}

export function dropShadow(tx: WriteTx, entity: string, id: string): void {
  tx.exec('delete from shadow where entity = ? and id = ?', [entity, id]);
}

function outboxRowsOf(tx: WriteTx, entity: string, id: string): OutboxTable[] {
  return tx.all<OutboxTable>(
    sql`select * from outbox where entity = ${entity} and entity_id = ${id} order by position`,
  );
}

const severity: Record<SyncState, number> = { synced: 0, pending: 1, parked: 2, conflict: 3 };

/** Whether the row's last waiting change is its deletion made here: until it is sent, it has no view. */
function deletedHere(tx: WriteTx, entity: string, id: string): boolean {
  return (
    tx.first<{ operation: string }>(
      sql`select operation from outbox where entity = ${entity} and entity_id = ${id} order by position desc limit 1`,
    )?.operation === 'delete'
  );
}

/** Whether local changes of this row wait in the outbox. */
export function hasWaitingChanges(tx: WriteTx, entity: string, id: string): boolean {
  return (
    tx.first(sql`select 1 from outbox where entity = ${entity} and entity_id = ${id} limit 1`) !== undefined
  );
}

/** The states of a row's waiting changes (empty when none), without scanning the pending ones. */
function outboxStates(tx: WriteTx, entity: string, id: string): SyncState[] {
  if (!hasWaitingChanges(tx, entity, id)) return [];
  const blocked = tx
    .all<{ state: SyncState }>(
      sql`select distinct state from outbox where entity = ${entity} and entity_id = ${id} and state != 'pending'`,
    )
    .map((row) => row.state);
  return ['pending', ...blocked];
}

function settle(tx: WriteTx, entity: SyncEntity, id: string, shadow: Shadow | undefined): void {
  if (shadow) {
    writeView(tx, entity, shadow.data, 'synced');
    dropShadow(tx, entity.name, id);
  } else {
    setViewState(tx, entity, id, 'synced');
  }
}

function worst(states: SyncState[]): SyncState {
  return states.reduce<SyncState>((acc, state) => (severity[state] > severity[acc] ? state : acc), 'pending');
}

/**
 * Recomputes the view of one row after its shadow changed (pull, acknowledgement, merge) or
 * after fields left its outbox rows: a field where the shadow differs from what the user sees
 * takes the shadow's value, unless a waiting change sets it. Cheap however many changes wait
 * (only differing fields are looked up). Valid whenever no waiting change got a new value for
 * a field; a local edit uses writeLocalEdit, a dropped change replayView.
 */
export function refreshView(tx: WriteTx, entity: SyncEntity, id: string): void {
  const states = outboxStates(tx, entity.name, id);
  const shadow = readShadow(tx, entity.name, id);
  if (states.length === 0) return settle(tx, entity, id, shadow);
  if (deletedHere(tx, entity.name, id)) return deleteView(tx, entity, id);
  // Never on the platform yet (a waiting creation): only its state changes.
  if (!shadow) return setViewState(tx, entity, id, worst(states));
  const current = readView(tx, entity, id) as (EntityData & Fields) | undefined;
  // Back after the platform deleted it (moved with its offer's sharing): its changes apply again.
  if (!current) return replayView(tx, entity, id);
  const editable = editableFields(entity);
  const data: Fields = { ...current };
  for (const [key, value] of Object.entries(shadow.data)) {
    if (isDeepStrictEqual(value, data[key])) continue;
    // Version, dates, directory data: no local change ever sets them.
    if (editable.has(key) && setByWaitingChange(tx, entity.name, id, key)) continue;
    data[key] = value;
  }
  writeView(tx, entity, data as unknown as EntityData, worst(states));
}

function setViewState(tx: WriteTx, entity: SyncEntity, id: string, state: SyncState): void {
  tx.exec(`update "${entity.table}" set sync_state = ? where id = ?`, [state, id]);
}

function setByWaitingChange(tx: WriteTx, entity: string, id: string, field: string): boolean {
  return (
    tx.first(
      sql`select 1 from outbox as o, json_each(o.payload) as j where o.entity = ${entity} and o.entity_id = ${id} and j.key = ${field} limit 1`,
    ) !== undefined
  );
}

/** Recomputes the view by replaying every waiting change on the shadow (after one was dropped). */
export function replayView(tx: WriteTx, entity: SyncEntity, id: string): void {
  const rows = outboxRowsOf(tx, entity.name, id);
  const shadow = readShadow(tx, entity.name, id);
  if (rows.length === 0) return settle(tx, entity, id, shadow);
  if (rows.at(-1)!.operation === 'delete') return deleteView(tx, entity, id);
  if (!shadow) return setViewState(tx, entity, id, worst(rows.map((row) => row.state)));
  const data = rows.reduce<Fields>(
    (state, row) => ({ ...state, ...(JSON.parse(row.payload) as Fields) }),
    shadow.data,
  );
  writeView(tx, entity, data as unknown as EntityData, worst(rows.map((row) => row.state)));
}

/** A local edit: the new values on top of what the user saw (the edit is the newest change). */
export function writeLocalEdit(tx: WriteTx, entity: SyncEntity, current: EntityData, changes: Fields): void {
  writeView(
    tx,
    entity,
    { ...current, ...changes } as EntityData,
    worst(outboxStates(tx, entity.name, current.id)),
  );
}

/**
 * Stores what the platform says of a row (pull, acknowledgement, login): directly when the
 * desktop has no change on it, else as its shadow with the local changes replayed on top,
 * so a pull never overwrites a change that was not sent yet.
 */
export function applyServerState(tx: WriteTx, entity: SyncEntity, data: EntityData, pending: boolean): void {
  const before = entity.onServerState ? readView(tx, entity, data.id) : undefined;
  if (!pending) {
    writeView(tx, entity, data, 'synced');
  } else {
    const shadow = readShadow(tx, entity.name, data.id);
    if (shadow && shadow.version > data.version) return;
    writeShadow(tx, entity.name, data);
    refreshView(tx, entity, data.id);
  }
  // What the view became (an older state than the view's is not written).
  if (entity.onServerState) entity.onServerState(tx, before, readView(tx, entity, data.id) ?? data);
}

/**
 * The platform deleted the row: it goes, and local changes to it can no longer be sent (they
 * are parked for the user to see), except a deletion made here (done, then), and the changes
 * of an entity that only matter while the row exists (they stay, see settledByDeletion). A row
 * deleted here then added again stays: its new creation goes to the platform, and so does a
 * deletion made after it (only the deletions before that creation are done).
 */
export function applyServerDeletion(tx: WriteTx, entity: SyncEntity, id: string): void {
  // The first creation made after a deletion here: where the deletions this tombstone settles end.
  const addedAgain =
    tx.first<{ position: number | null }>(
      sql`select min(c.position) as position from outbox as c where c.entity = ${entity.name} and c.entity_id = ${id}
          and c.operation = 'create' and exists (select 1 from outbox as d where d.entity = c.entity
            and d.entity_id = c.entity_id and d.operation = 'delete' and d.position < c.position)`,
    )?.position ?? null;
  tx.run(
    sql`delete from outbox where entity = ${entity.name} and entity_id = ${id} and operation = 'delete'
        ${addedAgain === null ? sql`` : sql`and position < ${addedAgain}`}`,
  );
  dropShadow(tx, entity.name, id);
  if (addedAgain !== null) return refreshView(tx, entity, id);
  if (!entity.settledByDeletion)
    tx.exec(`update outbox set state = 'parked', last_error = ? where entity = ? and entity_id = ?`, [
      `${entity.label} : cet élément a été supprimé sur la plateforme ; la modification ne peut plus être envoyée.`,
      entity.name,
      id,
    ]);
  const gone = entity.onServerDeletion ? readView(tx, entity, id) : undefined;
  deleteView(tx, entity, id);
  if (gone) entity.onServerDeletion!(tx, gone);
}

/** The platform applied a deletion made here: the row is gone, unless it was added again since. */
export function settleDeletion(tx: WriteTx, entity: SyncEntity, id: string): void {
  dropShadow(tx, entity.name, id);
  if (hasWaitingChanges(tx, entity.name, id)) refreshView(tx, entity, id);
  else deleteView(tx, entity, id);
}

/** A row that only exists here (its creation was dropped before the platform saw it) goes. */
export function dropLocalRow(tx: WriteTx, entity: SyncEntity, id: string): void {
  dropShadow(tx, entity.name, id);
  deleteView(tx, entity, id);
}
