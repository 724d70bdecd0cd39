import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { withStatementCache } from '../../shared/db/statement-cache';
import { migrateToLatest, TransactionalSqliteDialect } from '../../shared/db/migrate';
import { platformMigrations } from './migrations/index';
import type { PlatformDatabase } from './schema';
import { SQLITE_POKE_FUNCTION } from '../sync/poke-channels';

export type PlatformDb = Kysely<PlatformDatabase>;

export interface OpenOptions {
  /** A transaction announced a feed entry (see sync/pokes.ts announceChange). */
  onFeedPoke?: (payload: string) => void;
}

/** Opens (and migrates) the platform's database file. */
export async function openPlatformDatabase(file: string, options: OpenOptions = {}): Promise<PlatformDb> {
  const sqlite = new Database(file);
  sqlite.function(SQLITE_POKE_FUNCTION, { deterministic: false }, (payload: unknown) => {
    if (typeof payload === 'string') options.onFeedPoke?.(payload);
    return null;
  });
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
