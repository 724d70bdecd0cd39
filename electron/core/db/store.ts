import type Database from 'better-sqlite3';
import type { CompiledQuery, Kysely } from 'kysely';
import { describeSlow, SLOW_QUERY_MS, TransactionSite, type SlowQueryLog } from './query-log';
import type { LocalDatabase } from './schema';

type Params = readonly unknown[] | Record<string, unknown>;

/** A kysely query builder or `sql` template, not executed: this transaction runs it. */
interface Query<T> {
  compile(executor: Kysely<LocalDatabase>): CompiledQuery<T>;
}

/**
 * What a read may do: queries that return rows, nothing that changes the database. The type
 * says it (no `run`, `exec` or `atEnd`), so a write slipped into `store.read` fails to compile;
 * SQLite's reader flag refuses, at run time, a changing statement passed to `all` or `first`.
 */
export interface ReadTx {
  all<T>(query: Query<T>): T[];
  first<T>(query: Query<T>): T | undefined;
  get<T>(sql: string, params?: readonly unknown[]): T | undefined;
}

/**
 * A synchronous transaction: nothing else touches the database while it runs. LocalStore.write
 * gives one that writes; LocalStore.read the same object seen as a ReadTx.
 */
export class WriteTx implements ReadTx {
  private readonly endings = new Map<string, () => void>();

  constructor(
    private readonly store: LocalStore,
    private readonly writes = true,
    private readonly site: TransactionSite | null = null,
  ) {}

  /**
   * Work to do once the transaction's own work is done, before it commits (once per key): what
   * is cheaper written all together, in an order of its own (the search index). A read never
   * runs it: asking for it there is a mistake (the work would be lost), refused at once.
   */
  atEnd(key: string, work: () => void): void {
    if (!this.writes) throw new Error(`Écriture différée « ${key} » demandée dans une lecture (store.read).`);
    if (!this.endings.has(key)) this.endings.set(key, work);
  }

  /** Runs the work left for the end (see atEnd). */
  end(): void {
    for (const work of this.endings.values()) work();
    this.endings.clear();
  }

  private prepare<T>(query: Query<T>): [Database.Statement, unknown[]] {
    const compiled = query.compile(this.store.db);
    return [this.store.statement(compiled.sql), compiled.parameters as unknown[]];
  }

  /** Runs one statement, logged when slow: its SQL text, never its bound values (personal data). */
  private timed<T>(statement: Database.Statement, run: () => T): T {
    const log = this.store.slowLog;
    if (!log) return run();
    const start = log.clock();
    try {
      return run();
    } finally {
      const ms = log.clock() - start;
      if (ms > (log.thresholdMs ?? SLOW_QUERY_MS))
        log.write(describeSlow('Requête', ms, this.site?.name ?? 'inconnue', statement.source));
    }
  }

  /** Runs a kysely query (built, not executed, by kysely) inside this transaction. */
  run(query: Query<unknown>): Database.RunResult {
    const [statement, parameters] = this.prepare(query);
    return this.timed(statement, () => statement.run(...parameters));
  }

  all<T>(query: Query<T>): T[] {
    const [statement, parameters] = this.prepare(query);
    return this.timed(statement, () => statement.all(...parameters) as T[]);
  }

  first<T>(query: Query<T>): T | undefined {
    const [statement, parameters] = this.prepare(query);
    return this.timed(statement, () => statement.get(...parameters) as T | undefined);
  }

  /** A prepared statement by its SQL, cached: the hot paths (pull of thousands of rows) use this. */
  exec(sql: string, params: Params = []): Database.RunResult {
    const statement = this.store.statement(sql);
    return this.timed(statement, () =>
      Array.isArray(params) ? statement.run(...params) : statement.run(params),
    );
  }

  /** The first row of a prepared statement by its SQL, cached like `exec`. */
  get<T>(sql: string, params: readonly unknown[] = []): T | undefined {
    const statement = this.store.statement(sql);
    return this.timed(statement, () => statement.get(...params) as T | undefined);
  }
}

/**
 * One account's database: kysely builds the queries; writes run as synchronous better-sqlite3
 * transactions while holding kysely's connection, so an async kysely query can never
 * interleave with (or be swallowed by) a write transaction.
 */
export class LocalStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly db: Kysely<LocalDatabase>,
    readonly sqlite: Database.Database,
    /** Where transactions and statements over 40 ms are told (none: not timed). */
    readonly slowLog: SlowQueryLog | null = null,
  ) {}

  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** All of `work` commits, or none of it. `work` must not await. */
  write<T>(work: (tx: WriteTx) => T): Promise<T> {
    const site = this.slowLog ? new TransactionSite(this.write, work.name) : null;
    return this.db.connection().execute(async () =>
      this.timed(site, () =>
        this.sqlite.transaction(() => {
          const tx = new WriteTx(this, true, site);
          const result = work(tx);
          tx.end();
          return result;
        })(),
      ),
    );
  }

  /** A consistent read of several queries (nothing may be left for its end: see WriteTx.atEnd). */
  read<T>(work: (tx: ReadTx) => T): Promise<T> {
    const site = this.slowLog ? new TransactionSite(this.read, work.name) : null;
    return this.db
      .connection()
      .execute(async () =>
        this.timed(site, () =>
          this.sqlite.transaction(() => work(new WriteTx(this, false, site))).deferred(),
        ),
      );
  }

  /** A whole transaction, logged when slow (from its start to its commit, not its wait for the connection). */
  private timed<T>(site: TransactionSite | null, run: () => T): T {
    const log = this.slowLog;
    if (!log || !site) return run();
    const start = log.clock();
    try {
      return run();
    } finally {
      const ms = log.clock() - start;
      if (ms > (log.thresholdMs ?? SLOW_QUERY_MS)) log.write(describeSlow('Transaction', ms, site.name));
    }
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}
