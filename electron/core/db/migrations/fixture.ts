import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { migrateToLatest, TransactionalSqliteDialect } from '../../../../shared/db/migrate';
import { structureToColumns } from '../../../../shared/db/rows';
import { applicationToColumns } from '../../../../shared/db/application-rows';
import type { Application } from '../../../../shared/domain/applications';
import { sampleStructure } from '../../../../tests/support/applications';
import { localMigrations } from './index';

/**
 * Test support: a fresh in-memory database at the schema just before one migration, to fill
 * with the rows an earlier version wrote, then to run that migration (and only it) through the
 * real runner.
 */
export interface MigrationFixture {
  sqlite: Database.Database;
  insert(table: string, row: object): void;
  /** Runs the migration under test; resolves to the names the runner applied. */
  migrate(): Promise<string[]>;
  columns(table: string): string[];
  /** Index names of a table, without SQLite's own (autoindexes of keys and unique columns). */
  indexes(table: string): string[];
  tables(): string[];
  close(): Promise<void>;
}

function upTo(last: string, inclusive: boolean) {
  if (!(last in localMigrations)) throw new Error(`Migration inconnue : ${last}`);
  return Object.fromEntries(
    Object.entries(localMigrations).filter(([name]) => (inclusive ? name <= last : name < last)),
  );
}

export async function schemaBefore(migration: string): Promise<MigrationFixture> {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<any>({ dialect: new TransactionalSqliteDialect({ database: sqlite }) });
  await migrateToLatest(db, upTo(migration, false), 'test');
  return {
    sqlite,
    insert: (table, row) => insertRow(sqlite, table, row),
    migrate: () => migrateToLatest(db, upTo(migration, true), 'test'),
    columns: (table) =>
      sqlite
        .prepare<[string], { name: string }>('select name from pragma_table_info(?) order by cid')
        .all(table)
        .map((row) => row.name),
    indexes: (table) =>
      sqlite
        .prepare<[string], { name: string }>(
          "select name from sqlite_master where type = 'index' and tbl_name = ? and sql is not null order by name",
        )
        .all(table)
        .map((row) => row.name),
    tables: () =>
      sqlite
        .prepare<[], { name: string }>(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_fts_%' order by name",
        )
        .all()
        .map((row) => row.name),
    close: () => db.destroy(),
  };
}

/**
 * Test support: a database file as an earlier version left it (the migrations before `next`),
 * synced up to a cursor, with its structure; `fill` adds that version's rows.
 */
export async function fileBefore(
  file: string,
  next: string,
  fill?: (sqlite: Database.Database) => void,
): Promise<void> {
  const sqlite = new Database(file);
  const db = new Kysely<any>({ dialect: new TransactionalSqliteDialect({ database: sqlite }) });
  await migrateToLatest(db, upTo(next, false), 'test');
  const { reply_templates: templates, ...columns } = structureToColumns(sampleStructure());
  insertRow(
    sqlite,
    'structure',
    next > '0004_applications' ? { ...columns, reply_templates: templates } : columns,
  );
  const meta = sqlite.prepare('insert into meta (key, value) values (?, ?)');
  meta.run(`sync.cursor:${columns.id}`, '500');
  meta.run('sync.lastSyncAt', '2026-03-01T08:00:00.000Z');
  fill?.(sqlite);
  await db.destroy();
}

export function insertRow(sqlite: Database.Database, table: string, row: object): void {
  const names = Object.keys(row);
  sqlite
    .prepare(`insert into ${table} (${names.join(', ')}) values (${names.map((n) => `@${n}`).join(', ')})`)
    .run(row);
}

/**
 * An application's columns as the releases before 0011_refusal_reasons stored them: the tests of
 * those migrations insert rows into their schema, which has no refusal columns.
 */
export function applicationColumnsBefore0011(application: Application) {
  const { refusal_reason: _reason, refusal_detail: _detail, ...columns } = applicationToColumns(application);
  return columns;
}
