import Database from 'better-sqlite3';
import { PostgresDialect, type Kysely } from 'kysely';
import pg from 'pg';
import { withStatementCache } from '../../shared/db/statement-cache';
import { migrateToLatest, TransactionalSqliteDialect } from '../../shared/db/migrate';
import { dialectOf, type PlatformDialect } from './dialect/kind';
import { PlatformKysely } from './dialect/transactions';
import { platformMigrations } from './migrations/index';
import type { PlatformDatabase } from './schema';
import { SQLITE_POKE_FUNCTION } from '../sync/poke-channels';

export type PlatformDb = Kysely<PlatformDatabase>;
export { dialectOf, type PlatformDialect };

const WHAT = 'La base de données de la plateforme';

/** A PostgreSQL address (`postgres://…` or `postgresql://…`) rather than a file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

// PostgreSQL sends 64-bit integers (count(*), bigint columns) and numerics as text, since a JS
// number cannot hold every one; the platform's never exceed 2^53, and every caller expects the
// numbers SQLite gives. Parsed per pool, so that no other user of `pg` in the process is changed.
const NUMERIC_TYPES = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const platformTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (NUMERIC_TYPES.has(oid) && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface OpenOptions {
  /** A SQLite transaction announced a feed entry (see sync/pokes.ts announceChange; PostgreSQL uses NOTIFY). */
  onFeedPoke?: (payload: string) => void;
}

function openSqlite(file: string, options: OpenOptions): PlatformDb {
  const sqlite = new Database(file);
  sqlite.function(SQLITE_POKE_FUNCTION, { deterministic: false }, (payload: unknown) => {
    if (typeof payload === 'string') options.onFeedPoke?.(payload);
    return null;
  });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new PlatformKysely<PlatformDatabase>({
    dialect: new TransactionalSqliteDialect({ database: withStatementCache(sqlite) }),
  });
}

function openPostgres(connectionString: string): PlatformDb {
  const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 5000, types: platformTypes });
  // An idle connection the server dropped (restart, failover) must not crash the process: the
  // pool forgets it and the next query opens another.
  pool.on('error', () => {});
  return new PlatformKysely<PlatformDatabase>({ dialect: new PostgresDialect({ pool }) });
}

/** Opens the platform's database without migrating it (`migrate` and tests do that themselves). */
export function connectPlatformDatabase(location: string, options: OpenOptions = {}): PlatformDb {
  return isPostgresUrl(location) ? openPostgres(location) : openSqlite(location, options);
}

/** Runs the pending migrations; returns their names. */
export function migratePlatformDatabase(db: PlatformDb): Promise<string[]> {
  return migrateToLatest(db, platformMigrations, WHAT);
}

/**
 * Opens (and migrates) the platform's database: a SQLite file, or a PostgreSQL database when
 * `location` is a `postgres://` address.
 */
export async function openPlatformDatabase(location: string, options: OpenOptions = {}): Promise<PlatformDb> {
  const db = connectPlatformDatabase(location, options);
  try {
    await migratePlatformDatabase(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
