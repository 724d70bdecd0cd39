import type Database from 'better-sqlite3';
import type { LocalStore, WriteTx } from '../../db/store';
import type { EntityData, SyncEntity } from '../entities';
import { applyServerState } from '../local-state';
import { moveTally } from '../tally';

// The bootstrap's fast path for a row new here with no waiting change (a fresh database: all of
// them): one plain insert by a statement prepared once per table, and what applyServerState's
// write would make follow it (its follower: search words, profiles cache, dashboard tallies; its
// tally) with nothing read first, since there was nothing before. Every other row (already here,
// changed here, an entity that reacts to its own state) goes through applyServerState, so the
// result is the one the pull gives, row for row and in the same order (rowids included: the
// search index numbers documents by them).

/** The insert of one table's rows, prepared once: the columns of an entity are always the same, in the same order. */
interface TableInsert {
  statement: Database.Statement;
  columns: string[];
}

export class BulkWriter {
  private readonly inserts = new Map<string, TableInsert>();

  constructor(private readonly store: LocalStore) {}

  private insertOf(entity: SyncEntity, columns: string[]): TableInsert {
    const known = this.inserts.get(entity.table);
    if (known && known.columns.length === columns.length) return known;
    const all = [...columns, 'sync_state'];
    // "Do nothing" on a row already here: the caller then applies it the slow way (its version decides).
    const text = `insert into "${entity.table}" (${all.map((c) => `"${c}"`).join(', ')})
      values (${all.map(() => '?').join(', ')}) on conflict ("id") do nothing`;
    const insert = { statement: this.store.statement(text), columns };
    this.inserts.set(entity.table, insert);
    return insert;
  }

  /**
   * Stores the platform's state of one row, as applyServerState(tx, entity, data, pending) does.
   * `pending`: the row has waiting changes here (its shadow and view are then the pull's business).
   */
  apply(tx: WriteTx, entity: SyncEntity, data: EntityData, pending: boolean): void {
    if (pending || entity.onServerState) return applyServerState(tx, entity, data, pending);
    const values = entity.toColumns(data as never);
    const names = Object.keys(values);
    const insert = this.insertOf(entity, names);
    const params: unknown[] = names.map((name) => values[name]);
    params.push('synced');
    const written = insert.statement.run(params);
    if (written.changes === 0) return applyServerState(tx, entity, data, false);
    const tallied = entity.tallyColumn ? values[entity.tallyColumn] : undefined;
    // A null is its own row of the tally at each write (no conflict on null): moveTally's way.
    if (tallied === null) moveTally(tx, entity, undefined, null);
    else if (tallied !== undefined) this.countTally(tx, entity, tallied);
    // What writeView tells the follower of a row new here.
    entity.follow?.written?.(tx, data, {
      rowid: Number(written.lastInsertRowid),
      created: true,
      newVersion: true,
      previous: undefined,
    });
  }

  /** New rows counted per value, added to `<table>_tally` once per transaction (moveTally adds them one by one). */
  private readonly tallies = new WeakMap<
    WriteTx,
    Map<string, { entity: SyncEntity; counts: Map<unknown, number> }>
  >();

  private countTally(tx: WriteTx, entity: SyncEntity, value: string | number): void {
    let byTable = this.tallies.get(tx);
    if (!byTable) {
      const started = new Map<string, { entity: SyncEntity; counts: Map<unknown, number> }>();
      this.tallies.set(tx, started);
      tx.atEnd('bootstrap-tallies', () => this.writeTallies(tx, started));
      byTable = started;
    }
    let table = byTable.get(entity.table);
    if (!table) {
      table = { entity, counts: new Map() };
      byTable.set(entity.table, table);
    }
    table.counts.set(value, (table.counts.get(value) ?? 0) + 1);
  }

  private writeTallies(
    tx: WriteTx,
    byTable: Map<string, { entity: SyncEntity; counts: Map<unknown, number> }>,
  ): void {
    this.tallies.delete(tx);
    for (const { entity, counts } of byTable.values()) {
      const column = entity.tallyColumn!;
      for (const [value, n] of counts)
        tx.exec(
          `insert into "${entity.table}_tally" ("${column}", n) values (?, ?) on conflict ("${column}") do update set n = n + excluded.n`,
          [value, n],
        );
    }
  }
}
