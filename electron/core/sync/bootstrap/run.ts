import { sql } from 'kysely';
import type { LocalStore, WriteTx } from '../../db/store';
import type { StreamExchange, RequestOptions } from '../../platform/client';
import { entityNamed } from '../entities';
import { BulkWriter } from './bulk';
import { ndjsonChunks, parseRowText, peekSnapshotLine, SnapshotFormatError, type RowText } from './ndjson';
import {
  dropSecondaryIndexes,
  finishBootstrap,
  readBootstrapState,
  recreateSecondaryIndexes,
  writeBootstrapState,
  type BootstrapState,
} from './state';

export type BootstrapOutcome = 'done' | 'offline' | 'expired' | 'membership';

export interface BootstrapProgress {
  done: number;
  total: number | null;
  /** From the rate of this run so far (null until a batch is stored). */
  etaSeconds: number | null;
}

/** Crash tests only: called at the points where a kill must leave a database that resumes. */
export interface BootstrapHooks {
  /** Inside a batch's transaction, after each row. */
  onRowApplied?: (loaded: number) => void;
  /** After a batch committed. */
  afterBatch?: (loaded: number) => void;
  /** Inside the final transaction, once the indexes are built again (before the cursor is set). */
  duringFinal?: () => void;
}

export interface BootstrapOptions {
  store: LocalStore;
  client: { exchangeStream(options: RequestOptions): Promise<StreamExchange> };
  structureId: string;
  logger: { error: (message: string, error?: unknown) => void };
  /** Milliseconds (the ETA's clock). */
  clock: () => number;
  onProgress?: (progress: BootstrapProgress) => void;
  /** Why it stopped early (offline, broken answer): the engine's lastError. */
  onProblem?: (message: string) => void;
  /** Rows per transaction. */
  batchSize?: number;
  hooks?: BootstrapHooks;
}

/** The platform's reasons for refusing a structure's data to a user who is not (or no longer) its member. */
const MEMBERSHIP_PROBLEMS = new Set(['no_structure', 'membership_pending']);

/**
 * Rows per transaction at most, and characters of their lines: a batch's rows are parsed when
 * it is stored, so memory holds the text of one batch, whatever the size of its rows.
 */
const BATCH_ROWS = 2_000;
const BATCH_CHARS = 4_000_000;
/** Pages of the write-ahead log between two copies into the database during a bootstrap (about 100 MB). */
const BOOTSTRAP_CHECKPOINT_PAGES = 25_000;

/** The rows of one batch, as the pull applies them (same rows, shadows, caches, tallies, words). */
function storeBatch(
  tx: WriteTx,
  writer: BulkWriter,
  rows: RowText[],
  options: BootstrapOptions,
  state: BootstrapState,
): void {
  const pending = new Set(
    tx
      .all<{ key: string }>(sql`select distinct entity || ':' || entity_id as key from outbox`)
      .map((row) => row.key),
  );
  for (const text of rows) {
    const row = parseRowText(text);
    const entity = entityNamed(row.entity);
    if (entity) {
      const data = entity.schema.safeParse(row.data);
      if (data.success) writer.apply(tx, entity, data.data, pending.has(`${entity.name}:${row.id}`));
      else options.logger.error(`Ligne illisible ignorée (${row.entity} ${row.id})`, data.error);
    }
    state.after = row.seq;
    state.loaded += 1;
    options.hooks?.onRowApplied?.(state.loaded);
  }
  writeBootstrapState(tx, options.structureId, state);
}

/** Enters the bootstrap state (secondary indexes dropped) unless it is there already. */
async function begin(options: BootstrapOptions): Promise<BootstrapState> {
  return options.store.write((tx) => {
    const existing = readBootstrapState(tx, options.structureId);
    if (existing) return existing;
    const state: BootstrapState = {
      upTo: null,
      after: 0,
      stage: 'load',
      floor: null,
      loaded: 0,
      total: null,
    };
    dropSecondaryIndexes(tx);
    writeBootstrapState(tx, options.structureId, state);
    return state;
  });
}

/** The final transaction: indexes built again, the cursor set, the state gone (all or nothing). */
function finish(options: BootstrapOptions, cursor: number): Promise<void> {
  return options.store.write((tx) => {
    recreateSecondaryIndexes(tx);
    // The words of a contentless index are merged as they come; one optimisation leaves them in one segment.
    tx.exec("insert into search_fts (search_fts) values ('optimize')");
    options.hooks?.duringFinal?.();
    finishBootstrap(tx, options.structureId, cursor);
  });
}

/**
 * Loads the structure's snapshot into this fresh database, resuming where a previous run
 * stopped. See index.ts for when the engine calls it.
 */
export async function runBootstrap(options: BootstrapOptions): Promise<BootstrapOutcome> {
  // Each batch rewrites pages of the same indexes (keys, tallies, search words): copied back into
  // the database at every commit, they would be copied once per batch. The log is copied back
  // every few batches instead (a setting of this connection, not of the file: nothing to undo
  // after a crash).
  const sqlite = options.store.sqlite;
  const checkpointEvery = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma(`wal_autocheckpoint = ${BOOTSTRAP_CHECKPOINT_PAGES}`);
  try {
    return await load(options);
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${checkpointEvery}`);
  }
}

async function load(options: BootstrapOptions): Promise<BootstrapOutcome> {
  const batchSize = options.batchSize ?? BATCH_ROWS;
  const state = await begin(options);
  if (state.stage === 'index' && state.upTo !== null) {
    // Every row is here (killed while indexing): only the final transaction is left.
    await finish(options, Math.min(state.upTo, state.floor ?? state.upTo));
    return 'done';
  }
  const startedAt = options.clock();
  const loadedAtStart = state.loaded;
  const report = () => {
    const elapsed = (options.clock() - startedAt) / 1000;
    const rate = elapsed > 0 ? (state.loaded - loadedAtStart) / elapsed : 0;
    const left = state.total === null ? null : Math.max(0, state.total - state.loaded);
    options.onProgress?.({
      done: state.loaded,
      total: state.total,
      etaSeconds: left === null || rate <= 0 ? null : Math.round(left / rate),
    });
  };
  const problem = (message: string): 'offline' => {
    options.onProblem?.(message);
    return 'offline';
  };

  for (let restarted = false; ; restarted = true) {
    const answer = await options.client.exchangeStream({
      method: 'GET',
      path: '/sync/snapshot',
      params: { after: state.after, ...(state.upTo === null ? {} : { upTo: state.upTo }) },
      auth: true,
      timeoutMs: 120_000,
    });
    if (answer.kind === 'session-expired') return 'expired';
    if (answer.kind === 'http' && MEMBERSHIP_PROBLEMS.has(answer.problem?.code ?? '')) return 'membership';
    if (answer.kind === 'http' && answer.status === 410 && state.upTo !== null && !restarted) {
      // The platform no longer serves that snapshot: a newer one, from the start (see BootstrapState.floor).
      state.floor ??= state.upTo;
      state.upTo = null;
      state.after = 0;
      state.total = null;
      continue;
    }
    if (answer.kind !== 'ok') return problem(answer.message);

    let batch: RowText[] = [];
    let batchChars = 0;
    let header = false;
    const writer = new BulkWriter(options.store);
    const flush = async () => {
      const rows = batch;
      batch = [];
      batchChars = 0;
      await options.store.write((tx) => storeBatch(tx, writer, rows, options, state));
      options.hooks?.afterBatch?.(state.loaded);
      report();
    };
    const broken = (error: SnapshotFormatError) => {
      options.logger.error(error.message);
      return problem('Réponse inattendue de la plateforme à la synchronisation.');
    };
    // Cut off (no end line, or the connection broke): what was stored stays, the next run resumes after it.
    const cut = async () => {
      try {
        if (batch.length > 0) await flush();
      } catch (error) {
        if (error instanceof SnapshotFormatError) return broken(error);
        throw error;
      }
      return problem('La connexion à la plateforme a été coupée pendant la première synchronisation.');
    };
    try {
      for await (const lines of ndjsonChunks(answer.body)) {
        for (const line of lines) {
          const parsed = peekSnapshotLine(line);
          if (!header && !('kind' in parsed && parsed.kind === 'header'))
            throw new SnapshotFormatError('Instantané de la plateforme sans en-tête.');
          if (!('kind' in parsed)) {
            // Never twice the same row (a platform that sent again what was asked after).
            if (parsed.seq <= state.after || parsed.seq <= (batch.at(-1)?.seq ?? 0)) continue;
            batch.push(parsed);
            batchChars += parsed.line.length;
            if (batch.length >= batchSize || batchChars >= BATCH_CHARS) await flush();
          } else if (parsed.kind === 'header') {
            if (header) throw new SnapshotFormatError('Deux en-têtes dans l’instantané de la plateforme.');
            header = true;
            state.upTo = parsed.cursor;
            state.total = state.loaded + parsed.total;
            report();
          } else {
            if (batch.length > 0) await flush();
            await options.store.write((tx) => {
              state.stage = 'index';
              writeBootstrapState(tx, options.structureId, state);
            });
            await finish(options, Math.min(parsed.cursor, state.floor ?? parsed.cursor));
            state.total = state.loaded;
            report();
            return 'done';
          }
        }
      }
    } catch (error) {
      if (error instanceof SnapshotFormatError) return broken(error);
      return cut();
    }
    return cut();
  }
}
