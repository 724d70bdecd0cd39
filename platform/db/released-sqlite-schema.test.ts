import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, TransactionalSqliteDialect } from '../../shared/db/migrate';
import { platformMigrations } from './migrations/index';

// The released migrations (0001-0008) now call dialect helpers where PostgreSQL needs other SQL.
// On SQLite they must still write exactly the schema they wrote when released: a file made by an
// older release and one made today are then the same. The fingerprint is that of the released
// schema (sqlite_master's SQL, as 0008_search_fold left it).
const RELEASED = Object.keys(platformMigrations).filter((name) => name < '0009');
const RELEASED_FINGERPRINT = '56ff2dc15d0f6286e572f514cb04d89dd54b0e58602f97a5c48f03f1999464ad';

describe('the released migrations on SQLite', () => {
  it('write the schema they wrote when released, byte for byte', async () => {
    const db = new Kysely<unknown>({
      dialect: new TransactionalSqliteDialect({ database: new Database(':memory:') }),
    });
    try {
      const released = Object.fromEntries(RELEASED.map((name) => [name, platformMigrations[name]!]));
      expect(await migrateToLatest(db, released, 'test')).toHaveLength(8);
      const schema = await sql<{ type: string; name: string; sql: string | null }>`
        select type, name, sql from sqlite_master where name not like 'kysely_%' order by type, name`.execute(
        db,
      );
      const text = schema.rows.map((row) => `${row.type} ${row.name}\n${row.sql ?? ''}`).join('\n\n');
      expect(createHash('sha256').update(text).digest('hex')).toBe(RELEASED_FINGERPRINT);
    } finally {
      await db.destroy();
    }
  });
});
