import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { withStatementCache } from '../../../shared/db/statement-cache';
import { migrateToLatest, TransactionalSqliteDialect } from '../../../shared/db/migrate';
import { uuidSchema } from '../../../shared/domain/fields';
import { localMigrations } from './migrations/index';
import { describeSlow, SLOW_QUERY_MS, type SlowQueryLog } from './query-log';
import type { LocalDatabase } from './schema';
import { LocalStore } from './store';

export type LocalDb = Kysely<LocalDatabase>;

export { LocalStore };

/** accounts/<user id>/local.sqlite under the data folder. */
export function accountDatabaseFile(dataDir: string, userId: string): string {
  // The id comes from the platform: never let it shape a path outside the data folder.
  const id = uuidSchema.parse(userId);
  return path.join(dataDir, 'accounts', id, 'local.sqlite');
}

export interface OpenOptions {
  /** Transactions and statements over 40 ms are logged there, with the IPC channel that ran them. */
  slowLog?: SlowQueryLog | null;
}

/** Opens and migrates one account's local database (WAL, foreign keys). */
export async function openLocalDatabase(
  file: string,
  nativeBinding?: string,
  options: OpenOptions = {},
): Promise<LocalStore> {
  const slowLog = options.slowLog ?? null;
  // Readable by its OS user only (another user of the machine never sees it; Windows and macOS
  // protect the profile folder already, Linux needs the mode).
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sqlite = new Database(file, nativeBinding ? { nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<LocalDatabase>({
    dialect: new TransactionalSqliteDialect({ database: withStatementCache(sqlite) }),
  });
  const start = slowLog?.clock();
  try {
    await migrateToLatest(db, localMigrations, 'La base de données locale de ce compte');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  if (slowLog && start !== undefined) {
    const ms = slowLog.clock() - start;
    if (ms > (slowLog.thresholdMs ?? SLOW_QUERY_MS))
      slowLog.write(describeSlow('Transaction', ms, 'migrations'));
  }
  return new LocalStore(db, sqlite, slowLog);
}
