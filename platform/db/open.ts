import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { withStatementCache } from '../../shared/db/statement-cache';
import { migrateToLatest, TransactionalSqliteDialect } from '../../shared/db/migrate';
import { platformMigrations } from './migrations/index';
import type { PlatformDatabase } from './schema';

export type PlatformDb = Kysely<PlatformDatabase>;

/** Opens (and migrates) the platform's database file. */
export async function openPlatformDatabase(file: string): Promise<PlatformDb> {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<PlatformDatabase>({
    dialect: new TransactionalSqliteDialect({ database: withStatementCache(sqlite) }),
  });
  try {
    await migrateToLatest(db, platformMigrations, 'La base de données de la plateforme');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
