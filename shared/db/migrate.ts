import {
  Migrator,
  PostgresAdapter,
  SqliteAdapter,
  SqliteDialect,
  sql,
  type Kysely,
  type Migration,
} from 'kysely';

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  // SQLite's DDL is transactional; kysely's adapter says otherwise to stay conservative, which
  // would run each migration outside a transaction and leave a half-migrated file after a crash.
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** kysely's SQLite dialect, with pending migrations run together in one transaction. */
export class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly what: string,
    readonly unknownMigrations: string[],
  ) {
    super(
      `${what} a été créée par une version plus récente de l'application ` +
        `(évolutions inconnues : ${unknownMigrations.join(', ')}). ` +
        `Installez la dernière version de l'application pour l'ouvrir ; rien n'a été modifié.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

export class MigrationFailedError extends Error {
  constructor(what: string, migration: string | undefined, cause: unknown) {
    super(`La mise à jour de ${what} a échoué${migration ? ` (${migration})` : ''} ; rien n'a été modifié.`, {
      cause,
    });
    this.name = 'MigrationFailedError';
  }
}

const MIGRATION_TABLE = 'kysely_migration';

/** Whether `name` is a table: the desktop and the embedded platform are SQLite, the regional platform PostgreSQL. */
async function hasTable(db: Kysely<any>, name: string): Promise<boolean> {
  const found =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? await sql`select table_name from information_schema.tables
          where table_schema = current_schema() and table_name = ${name}`.execute(db)
      : await sql`select name from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return found.rows.length > 0;
}

/**
 * Brings the database to the latest schema. Refuses, without touching it, a database that
 * has migrations this build does not know: it was made by a newer version of the app.
 */
export async function migrateToLatest(
  db: Kysely<any>,
  migrations: Record<string, Migration>,
  what: string,
): Promise<string[]> {
  const known = new Set(Object.keys(migrations));
  if (await hasTable(db, MIGRATION_TABLE)) {
    const executed = await sql<{
      name: string;
    }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
    const unknown = executed.rows.map((row) => row.name).filter((name) => !known.has(name));
    if (unknown.length > 0) throw new DatabaseTooNewError(what, unknown);
  }

  // On PostgreSQL, kysely's Migrator runs the pending migrations in one transaction that first
  // takes an advisory lock (pg_advisory_xact_lock): instances starting together migrate in turn,
  // and the later ones find nothing left to do.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new MigrationFailedError(what, failed, error);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
