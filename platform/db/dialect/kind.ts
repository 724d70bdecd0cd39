import { PostgresAdapter, type QueryExecutor } from 'kysely';

/** The two engines the platform runs on: the embedded default and the regional deployment's. */
export type PlatformDialect = 'sqlite' | 'postgres';

/** A kysely instance or transaction, whatever its tables (migrations see no typed schema). */
export interface DialectSource {
  getExecutor(): QueryExecutor;
}

/**
 * Which engine a kysely instance (or one of its transactions) speaks to. Read from the adapter
 * rather than remembered beside the connection: migrations and transactions only get a `Kysely`.
 */
export function dialectOf(db: DialectSource): PlatformDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
