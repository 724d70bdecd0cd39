import Database from 'better-sqlite3';
import { Kysely, sql, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DatabaseTooNewError,
  MigrationFailedError,
  migrateToLatest,
  TransactionalSqliteDialect,
} from './migrate';

const WHAT = 'La base de test';

let sqlite: Database.Database;
let db: Kysely<any>;

function openDatabase(): void {
  sqlite = new Database(':memory:');
  db = new Kysely<any>({ dialect: new TransactionalSqliteDialect({ database: sqlite }) });
}

afterEach(async () => {
  await db.destroy();
});

/** A migration creating a one-column table, and recording when it ran. */
function createTable(name: string, log: string[] = []): Migration {
  return {
    async up(trx) {
      log.push(name);
      await trx.schema
        .createTable(name)
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .execute();
    },
  };
}

function tables(): string[] {
  return (
    sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as {
      name: string;
    }[]
  ).map((row) => row.name);
}

function applied(): string[] {
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}

describe('migrateToLatest', () => {
  it('applies pending migrations in name order and returns their names', async () => {
    openDatabase();
    const log: string[] = [];
    // Declared out of order on purpose.
    const migrations = { '0002_b': createTable('b', log), '0001_a': createTable('a', log) };
    expect(await migrateToLatest(db, migrations, WHAT)).toEqual(['0001_a', '0002_b']);
    expect(log).toEqual(['a', 'b']);
    expect(tables()).toEqual(expect.arrayContaining(['a', 'b']));
    expect(applied()).toEqual(['0001_a', '0002_b']);
  });

  it('is idempotent: a second run applies nothing', async () => {
    openDatabase();
    const log: string[] = [];
    const migrations = { '0001_a': createTable('a', log) };
    await migrateToLatest(db, migrations, WHAT);
    expect(await migrateToLatest(db, migrations, WHAT)).toEqual([]);
    expect(log).toEqual(['a']);
    expect(applied()).toEqual(['0001_a']);
  });

  it('applies only the new migrations of a later version', async () => {
    openDatabase();
    const log: string[] = [];
    await migrateToLatest(db, { '0001_a': createTable('a', log) }, WHAT);
    await sql`insert into a (id) values (7)`.execute(db);
    expect(
      await migrateToLatest(db, { '0001_a': createTable('a', log), '0002_b': createTable('b', log) }, WHAT),
    ).toEqual(['0002_b']);
    expect(log).toEqual(['a', 'b']);
    expect(sqlite.prepare('select id from a').all()).toEqual([{ id: 7 }]);
  });

  it('applies none of the pending migrations when one of them fails', async () => {
    openDatabase();
    const failure = new Error('boom');
    const migrations: Record<string, Migration> = {
      '0001_a': createTable('a'),
      '0002_broken': {
        async up(trx) {
          await trx.schema.createTable('half_done').addColumn('id', 'integer').execute();
          throw failure;
        },
      },
    };
    const error = await migrateToLatest(db, migrations, WHAT).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).message).toBe(
      "La mise à jour de La base de test a échoué (0002_broken) ; rien n'a été modifié.",
    );
    expect((error as MigrationFailedError).cause).toBe(failure);
    expect(tables()).not.toContain('a');
    expect(tables()).not.toContain('half_done');
    expect(applied()).toEqual([]);
  });

  it('keeps earlier migrations when a later run fails, and can retry once fixed', async () => {
    openDatabase();
    await migrateToLatest(db, { '0001_a': createTable('a') }, WHAT);
    const broken: Migration = {
      async up() {
        throw new Error('boom');
      },
    };
    await expect(
      migrateToLatest(db, { '0001_a': createTable('a'), '0002_b': createTable('b'), '0003_c': broken }, WHAT),
    ).rejects.toBeInstanceOf(MigrationFailedError);
    expect(applied()).toEqual(['0001_a']);
    expect(tables()).not.toContain('b');
    expect(
      await migrateToLatest(
        db,
        { '0001_a': createTable('a'), '0002_b': createTable('b'), '0003_c': createTable('c') },
        WHAT,
      ),
    ).toEqual(['0002_b', '0003_c']);
  });

  it('refuses, without touching it, a database made by a newer version', async () => {
    openDatabase();
    await migrateToLatest(db, { '0001_a': createTable('a'), '0003_future': createTable('future') }, WHAT);
    const before = { tables: tables(), applied: applied() };

    const log: string[] = [];
    const olderBuild = { '0001_a': createTable('a', log), '0002_b': createTable('b', log) };
    const error = await migrateToLatest(db, olderBuild, WHAT).then(
      () => null,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(DatabaseTooNewError);
    const tooNew = error as DatabaseTooNewError;
    expect(tooNew.unknownMigrations).toEqual(['0003_future']);
    expect(tooNew.message).toMatch(
      /^La base de test a été créée par une version plus récente de l'application/,
    );
    expect(tooNew.message).toContain('0003_future');
    expect(tooNew.message).toContain("Installez la dernière version de l'application");
    expect(tooNew.message).toContain("rien n'a été modifié");
    expect(log).toEqual([]);
    expect({ tables: tables(), applied: applied() }).toEqual(before);
    expect(tables()).not.toContain('b');
  });

  it('migrates an empty database file it has never seen', async () => {
    openDatabase();
    expect(tables()).toEqual([]);
    expect(await migrateToLatest(db, {}, WHAT)).toEqual([]);
    expect(await migrateToLatest(db, { '0001_a': createTable('a') }, WHAT)).toEqual(['0001_a']);
  });
});
