import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * A SQLite database whose prepared statements are kept and reused by their SQL text: kysely
 * prepares every query it runs, which costs more than running it for the short queries of a
 * sync. Safe because kysely runs one query at a time on its single SQLite connection.
 */
export function withStatementCache(database: SqliteDatabase, limit = 500): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        // Queries built with varying shapes (IN lists...) must not grow the cache forever.
        if (statements.size >= limit) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
    close: () => database.close(),
  };
}
