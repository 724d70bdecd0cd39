import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import {
  changesPageSchema,
  syncEntityNames,
  type Change,
  type SyncEntityName,
} from '../../../shared/api/sync';
import { labelOf } from '../../../shared/domain/labels';
import type { SyncIssue, SyncStatus } from '../../../shared/domain/sync';
import { AppError } from '../../../shared/ipc/errors';
import type { Logger } from '../dispatch';
import type { OutboxTable } from '../db/schema';
import type { LocalStore, ReadTx, WriteTx } from '../db/store';
import type { Exchange, PlatformClient } from '../platform/client';
import { defaultBackoff, nextDelayMs, type BackoffPolicy } from './backoff';
import { needsBootstrap, runBootstrap } from './bootstrap';
import { cursorKey } from './cursor';
import {
  createRequestOf,
  entityNamed,
  isCreatable,
  isUpdatable,
  updateRequestOf,
  type ChangeRequest,
  type EntityData,
  type SyncEntity,
} from './entities';
import {
  applyServerDeletion,
  applyServerState,
  dropShadow,
  dropLocalRow,
  readShadow,
  hasWaitingChanges,
  readView,
  refreshView,
  replayView,
  settleDeletion,
  writeLocalEdit,
  writeShadow,
  writeView,
} from './local-state';
import { mergeChange, type FieldConflict, type Fields } from './merge';
import { answersOf, markMaybeArrived, mutationsOf, sendableRows, type BatchItem } from './push-batch';

export interface SyncEngineOptions {
  store: LocalStore;
  client: PlatformClient;
  logger: Logger;
  /** Local data of these entities changed. */
  onChange: (entities: string[]) => void;
  onStatus: (status: SyncStatus) => void;
  /** The platform refused the refresh token: stop until the user signs in again. */
  onSessionExpired: () => void;
  /**
   * Where does the user stand with their structure? Asked while they are a pending
   * collaborator and when the platform refuses the feed; true when the feed may be pulled.
   */
  verifyMembership?: () => Promise<boolean>;
  /** A run reached the platform and pulled the feed (referentials refresh then). */
  onSynced?: () => void;
  /**
   * A run's pull stored rows that are news to the user (SyncEntity.isArrival), how many per
   * entity: told once per run, never for an account's first full pull (that is history).
   */
  onArrivals?: (counts: Partial<Record<SyncEntityName, number>>) => void;
  /** Delay between a local change and the sync it triggers (changes made together go together). */
  debounceMs?: number;
  /** A sync every so often, even when nothing happens locally. */
  periodicMs?: number;
  pageSize?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Crash tests only: called inside a pull page's transaction after each row. */
  onPullRowApplied?: (index: number, pageSize: number) => void;
  /**
   * `true`: a first sync replays the whole feed page by page (the bench's old path, and the scripted
   * feed-only platforms of some tests); by default it loads the platform's snapshot.
   */
  legacyBootstrap?: boolean;
  /**
   * `true`: every change goes as its own REST request (the bench's old path). By default several
   * changes waiting together go as batches (POST /sync/push), one by one with a platform without it.
   */
  legacyPush?: boolean;
}

interface ConflictRecord {
  version: number;
  fields: Record<string, FieldConflict>;
}

export { cursorKey } from './cursor';
const LAST_SYNC_KEY = 'sync.lastSyncAt';

type PushOutcome = 'done' | 'waiting' | 'offline' | 'expired';

/** A long push shows its progress every so many changes; a batch holds as many (the platform takes up to 200). */
const PROGRESS_STEP = 50;

/** The platform's reasons for refusing a structure's data to a user who is not (or no longer) its member. */
const MEMBERSHIP_PROBLEMS = new Set(['no_structure', 'membership_pending']);

interface LocalMembership {
  structure_id: string | null;
  role: string | null;
}

function parseFields(json: string | null): Fields {
  return json ? (JSON.parse(json) as Fields) : {};
}

/**
 * A change leaves the outbox: the next change of the same row, if it was waiting on it, now
 * builds on `version` (the version the platform gave, or the one this change was made on).
 */
function handOverBase(tx: WriteTx, row: OutboxTable, version: number | null): void {
  tx.run(
    sql`update outbox set base_version = ${version} where base_version is null and position = (
          select min(position) from outbox where entity = ${row.entity} and entity_id = ${row.entity_id} and position > ${row.position})`,
  );
}

function pick(data: Fields, keys: string[]): Fields {
  return Object.fromEntries(keys.map((key) => [key, data[key] ?? null]));
}

/** Whether two changes of a row go to the same request (only then may one amend the other). */
function sameRequest(entity: SyncEntity, id: string, a: Fields, b: Fields, known: Fields): boolean {
  const first = updateRequestOf(entity, id, a, known);
  const second = updateRequestOf(entity, id, b, known);
  return first?.method === second?.method && first?.path === second?.path;
}

/** One local edit of a row, in the caller's transaction (see SyncEngine.update); false when nothing changes. */
function writeEdit(tx: WriteTx, entity: SyncEntity, id: string, patch: Fields, derived: Fields): boolean {
  const current = readView(tx, entity, id) as (EntityData & Fields) | undefined;
  if (!current) throw new AppError('not_found', `${entity.label} : introuvable sur ce poste.`);
  // A field sent as undefined (Electron's structured clone keeps such keys, zod keeps them for
  // optional fields) is a field not sent: it must not become null in a NOT NULL column.
  const fields = Object.keys(patch).filter(
    (key) => patch[key] !== undefined && !isDeepStrictEqual(current[key], patch[key]),
  );
  if (fields.length === 0) return false;
  const changes = pick(patch, fields);
  const creation = tx.first<OutboxTable>(
    sql`select * from outbox where entity = ${entity.name} and entity_id = ${id} and operation = 'create'`,
  );
  let queued = fields;
  if (creation) {
    // Not on the platform yet: the creation itself carries the new values it can carry...
    const creatable = entity.createSchema ? new Set(Object.keys(entity.createSchema.shape)) : undefined;
    const carried = fields.filter((key) => !creatable || creatable.has(key));
    queued = fields.filter((key) => !carried.includes(key));
    if (carried.length > 0)
      tx.run(
        sql`update outbox set payload = ${JSON.stringify({ ...parseFields(creation.payload), ...pick(changes, carried) })},
            state = 'pending', attempts = 0, next_attempt_at = null, last_error = null, last_error_fields = null
            where id = ${creation.id}`,
      );
    if (queued.length === 0) {
      writeLocalEdit(tx, entity, current, { ...changes, ...derived });
      return true;
    }
    // ...and the others (an offer's status) wait behind it as an update, sent once it is acknowledged.
  }
  let shadow = readShadow(tx, entity.name, id);
  if (!shadow && !creation) {
    // No pending change yet: what the user sees is exactly the platform's state.
    writeShadow(tx, entity.name, current);
    shadow = { version: current.version, data: current };
  }
  const last = tx.first<OutboxTable>(
    sql`select * from outbox where entity = ${entity.name} and entity_id = ${id} order by position desc limit 1`,
  );
  const update = pick(changes, queued);
  if (
    last?.state === 'parked' &&
    last.operation === 'update' &&
    sameRequest(entity, id, parseFields(last.payload), update, current)
  ) {
    // The platform never applied a refused change, so it can be amended under the same key.
    const payload = { ...parseFields(last.payload), ...update };
    const base = { ...pick(current, queued), ...parseFields(last.base) };
    tx.run(
      sql`update outbox set payload = ${JSON.stringify(payload)}, base = ${JSON.stringify(base)}, state = 'pending',
          attempts = 0, next_attempt_at = null, last_error = null, last_error_fields = null where id = ${last.id}`,
    );
  } else {
    // Made on top of a change still waiting: its version comes when that one is acknowledged.
    const baseVersion = last ? null : shadow!.version;
    tx.run(
      sql`insert into outbox (id, entity, entity_id, operation, payload, base, base_version, created_at)
          values (${randomUUID()}, ${entity.name}, ${id}, 'update', ${JSON.stringify(update)},
                  ${JSON.stringify(pick(current, queued))}, ${baseVersion}, ${new Date().toISOString()})`,
    );
  }
  writeLocalEdit(tx, entity, current, { ...changes, ...derived });
  return true;
}

/**
 * The offline-first sync engine (DESIGN.md §4). Local changes are written with their outbox
 * row in one transaction; push sends the outbox in order with Idempotency-Key and If-Match;
 * pull applies the structure's change feed page by page, each page with its cursor.
 */
export class SyncEngine {
  private readonly debounceMs: number;
  private readonly periodicMs: number;
  private readonly pageSize: number;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;

  private enabled = false;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;
  private periodic: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private phase: SyncStatus['phase'] = 'idle';
  private progress: SyncStatus['progress'] = null;
  private lastError: string | null = null;
  private revision = 0;
  private readonly touched = new Set<string>();
  /** News stored by the current run's pull, per entity (see onArrivals). */
  private readonly arrivals = new Map<SyncEntityName, number>();
  /** The outbox rows on their way to the platform, until their answers are stored (they may have reached it). */
  private readonly sending = new Set<string>();

  constructor(private readonly options: SyncEngineOptions) {
    this.debounceMs = options.debounceMs ?? 400;
    this.periodicMs = options.periodicMs ?? 5 * 60_000;
    this.pageSize = options.pageSize ?? 1000;
    this.backoff = options.backoff ?? defaultBackoff;
    this.random = options.random ?? Math.random;
  }

  // ---- scheduling ------------------------------------------------------------------------

  /** Starts syncing: now, then every few minutes, after local changes and on reconnection. */
  start(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.schedule(0);
    this.periodic = setInterval(() => this.schedule(0), this.periodicMs);
    this.periodic.unref();
  }

  /** Stops scheduling and waits for a run in progress. */
  async stop(): Promise<void> {
    this.enabled = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.periodic) clearInterval(this.periodic);
    this.timer = undefined;
    this.timerDue = Infinity;
    await this.running?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (!this.enabled) return;
    const due = Date.now() + delayMs;
    if (this.timer && this.timerDue <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerDue = Infinity;
      void this.runNow();
    }, delayMs);
    this.timer.unref();
  }

  /** One run at a time; a request during a run makes another run follow it. */
  runNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.run();
      } while (this.again && this.enabled);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** "Synchroniser maintenant", or the network is back: retry every waiting change at once. */
  async syncNow(): Promise<SyncStatus> {
    await this.options.store.write((tx) =>
      tx.run(sql`update outbox set next_attempt_at = null where state = 'pending'`),
    );
    if (this.running) await this.running;
    await this.runNow();
    return this.status();
  }

  onReconnect(): void {
    if (!this.enabled) return;
    void this.syncNow().catch((error: unknown) =>
      this.options.logger.error('Synchronisation impossible', error),
    );
  }

  // ---- status ----------------------------------------------------------------------------

  async status(): Promise<SyncStatus> {
    return this.options.store.read((tx) => {
      const counts = tx.all<{ state: string; n: number }>(
        sql`select state, count(*) as n from outbox group by state`,
      );
      const count = (state: string) => counts.find((c) => c.state === state)?.n ?? 0;
      const next = tx.first<{ at: string | null }>(
        sql`select min(next_attempt_at) as at from outbox where state = 'pending'`,
      );
      const last = tx.first<{ value: string }>(sql`select value from meta where key = ${LAST_SYNC_KEY}`);
      return {
        revision: ++this.revision,
        running: this.phase !== 'idle',
        phase: this.phase,
        progress: this.progress,
        // A bootstrap runs, or one was cut off (its state is kept until its last transaction).
        firstSync:
          this.phase === 'bootstrap' ||
          tx.get("select 1 from meta where key like 'bootstrap.%' and key != 'bootstrap.droppedIndexes'") !==
            undefined,
        pending: count('pending'),
        parked: count('parked'),
        conflicts: count('conflict'),
        lastSyncAt: last?.value ?? null,
        lastError: this.lastError,
        nextAttemptAt: next?.at ?? null,
      };
    });
  }

  private async announce(): Promise<void> {
    this.options.onStatus(await this.status());
  }

  // ---- local changes -----------------------------------------------------------------------

  /**
   * A row created here (offline included): its view and the outbox row of its creation are
   * written together. `view` is what the user sees until the platform answers (version 0, no
   * number); `payload` is what `POST` sends.
   */
  async create(
    entity: SyncEntity,
    view: EntityData,
    payload: Fields,
    guard?: (tx: WriteTx) => void,
  ): Promise<void> {
    await this.createMany(entity, [{ view, payload }], guard);
  }

  /**
   * Several creations in one transaction: all of them are written, or none (a CSV import).
   * `guard` runs first in the same transaction, to refuse what another call wrote meanwhile
   * (the same SIRET requested twice by a double click).
   */
  async createMany(
    entity: SyncEntity,
    rows: Array<{ view: EntityData; payload: Fields }>,
    guard?: (tx: WriteTx) => void,
  ): Promise<void> {
    if (!isCreatable(entity))
      throw new AppError('forbidden', `${entity.label} ne se crée pas depuis l’application.`);
    if (rows.length === 0) return;
    const createdAt = new Date().toISOString();
    await this.options.store.write((tx) => {
      guard?.(tx);
      for (const { view, payload } of rows) {
        if (this.cancelDeletion(tx, entity, view.id)) continue;
        if (readView(tx, entity, view.id))
          throw new AppError('conflict', `${entity.label} : cet identifiant existe déjà sur ce poste.`);
        tx.exec(
          `insert into outbox (id, entity, entity_id, operation, payload, base, base_version, created_at)
           values (?, ?, ?, 'create', ?, '{}', null, ?)`,
          [randomUUID(), entity.name, view.id, JSON.stringify(payload), createdAt],
        );
        writeView(tx, entity, view, 'pending');
      }
    });
    this.options.onChange([entity.name]);
    void this.announce();
    this.schedule(this.debounceMs);
  }

  /**
   * A row deleted here (offline included): it goes at once, and the outbox row of its deletion
   * is written in the same transaction (sent as DELETE with Idempotency-Key). A row whose
   * creation never reached the platform goes with its waiting changes instead: nothing is sent.
   * Deleting a row that is not here does nothing.
   */
  async remove(entity: SyncEntity, id: string): Promise<void> {
    if (!entity.deletePath)
      throw new AppError('forbidden', `${entity.label} ne se supprime pas depuis l’application.`);
    const removed = await this.options.store.write((tx) => {
      const current = readView(tx, entity, id);
      if (!current) return false;
      const creation = tx.first<OutboxTable>(
        sql`select * from outbox where entity = ${entity.name} and entity_id = ${id} and operation = 'create'
            order by position desc limit 1`,
      );
      // Refused, or never sent: the platform never had it. The creation goes with the changes
      // made since; what came before it (a deletion that may have reached the platform, the row
      // being added again after it) stays and is sent, and its shadow with it.
      if (creation && (creation.state === 'parked' || !this.mayHaveArrived(creation))) {
        tx.run(
          sql`delete from outbox where entity = ${entity.name} and entity_id = ${id} and position >= ${creation.position}`,
        );
        if (hasWaitingChanges(tx, entity.name, id)) refreshView(tx, entity, id);
        else dropLocalRow(tx, entity, id);
        return true;
      }
      // What the platform has, to come back to if the deletion is refused or discarded.
      if (!creation && !readShadow(tx, entity.name, id)) writeShadow(tx, entity.name, current);
      tx.exec(
        `insert into outbox (id, entity, entity_id, operation, payload, base, base_version, created_at)
         values (?, ?, ?, 'delete', '{}', '{}', null, ?)`,
        [randomUUID(), entity.name, id, new Date().toISOString()],
      );
      refreshView(tx, entity, id);
      return true;
    });
    if (!removed) return;
    this.options.onChange([entity.name]);
    void this.announce();
    this.schedule(this.debounceMs);
  }

  /** Whether this change may have reached the platform (sent, whatever came back). */
  private mayHaveArrived(row: OutboxTable): boolean {
    return row.attempts > 0 || this.sending.has(row.id);
  }

  /**
   * A row deleted here is added again: a deletion that never left cancels, and the platform's
   * row comes back as it was (true). One that may have reached the platform stays, and the
   * new creation goes after it (false, as when there is no deletion).
   */
  private cancelDeletion(tx: WriteTx, entity: SyncEntity, id: string): boolean {
    const deletion = tx.first<OutboxTable>(
      sql`select * from outbox where entity = ${entity.name} and entity_id = ${id} and operation = 'delete'
          order by position desc limit 1`,
    );
    if (!deletion || this.mayHaveArrived(deletion) || !readShadow(tx, entity.name, id)) return false;
    tx.run(sql`delete from outbox where id = ${deletion.id}`);
    replayView(tx, entity, id);
    return true;
  }

  /**
   * A local edit: the row and its outbox entry are written together, and the call returns at
   * once, online or not. An edit of a row whose previous change was refused by the platform
   * amends that change (edit and resend). `derived` are values the view shows that follow from
   * the patch (a métier's label for its code) and the platform recomputes: shown, never sent.
   */
  async update(entity: SyncEntity, id: string, patch: Fields, derived: Fields = {}): Promise<void> {
    await this.updateMany(entity, [{ id, patch, derived }]);
  }

  /**
   * Several edits in one transaction: all of them are written, or none (one reply to several
   * applications). `guard` runs first in the same transaction, to refuse what another call
   * changed meanwhile.
   */
  async updateMany(
    entity: SyncEntity,
    edits: ReadonlyArray<{ id: string; patch: Fields; derived?: Fields }>,
    guard?: (tx: WriteTx) => void,
  ): Promise<void> {
    if (!isUpdatable(entity))
      throw new AppError('forbidden', `${entity.label} ne se modifie pas depuis l’application.`);
    const changed = await this.options.store.write((tx) => {
      guard?.(tx);
      let any = false;
      for (const { id, patch, derived } of edits)
        if (writeEdit(tx, entity, id, patch, derived ?? {})) any = true;
      return any;
    });
    if (!changed) return;
    this.options.onChange([entity.name]);
    void this.announce();
    this.schedule(this.debounceMs);
  }

  /** Rows the platform returned outside the feed (after a role change made here): stored at once. */
  async applyServerRows(entity: SyncEntity, rows: EntityData[], deletedIds: string[] = []): Promise<void> {
    await this.options.store.write((tx) => {
      for (const row of rows) applyServerState(tx, entity, row, hasWaitingChanges(tx, entity.name, row.id));
      for (const id of deletedIds) applyServerDeletion(tx, entity, id);
    });
    this.options.onChange([entity.name]);
  }

  // ---- a run -----------------------------------------------------------------------------

  private async run(): Promise<void> {
    this.lastError = null;
    this.arrivals.clear();
    try {
      this.phase = 'push';
      await this.announce();
      const pushed = await this.push();
      if (pushed === 'expired') return;
      if (pushed === 'offline') return;
      this.phase = 'pull';
      this.progress = null;
      await this.announce();
      const pulled = await this.pull();
      if (pulled) this.options.onSynced?.();
      if (pulled && pushed === 'done') {
        await this.options.store.write((tx) =>
          tx.exec('insert or replace into meta (key, value) values (?, ?)', [
            LAST_SYNC_KEY,
            new Date().toISOString(),
          ]),
        );
      }
    } catch (error) {
      this.lastError = 'La synchronisation a rencontré une erreur inattendue ; elle sera retentée.';
      this.options.logger.error('Erreur de synchronisation', error);
    } finally {
      this.phase = 'idle';
      this.progress = null;
      await this.announce();
      // Told even when the pull stopped early: the pages it applied are here.
      if (this.arrivals.size > 0) this.options.onArrivals?.(Object.fromEntries(this.arrivals));
    }
  }

  // ---- push ------------------------------------------------------------------------------

  /** The platform version of a row as last known here (for a change whose base was never set). */
  private shadowVersion(row: OutboxTable): Promise<number> {
    return this.options.store.read(
      (tx) =>
        readShadow(tx, row.entity, row.entity_id)?.version ??
        readView(tx, entityNamed(row.entity)!, row.entity_id)?.version ??
        0,
    );
  }

  /** The request that sends one change: a creation's, a deletion's, or the update's request for what it carries. */
  private async requestOf(row: OutboxTable, entity: SyncEntity): Promise<ChangeRequest | undefined> {
    const payload = parseFields(row.payload);
    if (row.operation === 'create') return createRequestOf(entity, row.entity_id, payload);
    if (row.operation === 'delete') {
      const path = entity.deletePath?.(row.entity_id);
      return path ? { method: 'DELETE', path } : undefined;
    }
    const known = entity.updateRequest
      ? await this.options.store.read(
          (tx) =>
            readShadow(tx, row.entity, row.entity_id)?.data ??
            (readView(tx, entity, row.entity_id) as (EntityData & Fields) | undefined) ??
            {},
        )
      : {};
    return updateRequestOf(entity, row.entity_id, payload, known);
  }

  /** The first change that may go now: in order, after any refused or conflicting change of the same row. */
  private nextToSend(tx: ReadTx): OutboxTable | undefined {
    return tx.first<OutboxTable>(
      sql`select * from outbox as o where o.state = 'pending' and not exists (
            select 1 from outbox as before where before.entity = o.entity and before.entity_id = o.entity_id
            and before.position < o.position and before.state != 'pending')
          order by o.position limit 1`,
    );
  }

  private async push(): Promise<PushOutcome> {
    try {
      return await this.pushInOrder();
    } finally {
      this.flushChanges();
    }
  }

  private async pushInOrder(): Promise<PushOutcome> {
    const total = await this.options.store.read(
      (tx) => tx.first<{ n: number }>(sql`select count(*) as n from outbox where state = 'pending'`)?.n ?? 0,
    );
    let batches = !this.options.legacyPush;
    for (let sent = 0, shown = 0; ;) {
      if (sent - shown >= PROGRESS_STEP) {
        // A long push shows its progress (and what it already sent) every so many changes.
        shown = sent;
        this.progress = { done: Math.min(sent, total), total };
        this.flushChanges();
        await this.announce();
      }
      const row = await this.options.store.read((tx) => this.nextToSend(tx));
      if (!row) return 'done';
      if (row.next_attempt_at && Date.parse(row.next_attempt_at) > Date.now()) {
        this.schedule(Date.parse(row.next_attempt_at) - Date.now());
        return 'waiting';
      }
      if (batches) {
        const batch = await this.batchFrom();
        if (batch.items.length > 1) {
          const outcome = await this.sendBatch(batch.items, batch.mutations);
          if (outcome === 'unsupported') batches = false;
          else if (outcome !== 'continue') return outcome;
          else sent += batch.items.length;
          continue;
        }
      }
      sent += 1;
      const entity = entityNamed(row.entity);
      const request = entity && (await this.requestOf(row, entity));
      if (!entity || !request) {
        await this.park(row, `Modification impossible à envoyer (${row.entity}).`, undefined);
        continue;
      }
      this.sending.add(row.id);
      let outcome: PushOutcome | 'continue';
      try {
        const answer = await this.options.client.exchange({
          ...request,
          auth: true,
          // Only an update is made on a version; creations and deletions are simply not repeated.
          headers:
            row.operation === 'update'
              ? {
                  'Idempotency-Key': row.id,
                  'If-Match': `"${row.base_version ?? (await this.shadowVersion(row))}"`,
                }
              : { 'Idempotency-Key': row.id },
        });
        outcome = await this.handleAnswer(row, entity, answer);
      } finally {
        this.sending.clear();
      }
      if (outcome !== 'continue') return outcome;
    }
  }

  /** The changes that go together next (see push-batch.ts), each with its request. */
  private async batchFrom() {
    const rows = await this.options.store.read((tx) => sendableRows(tx, Date.now(), PROGRESS_STEP));
    const items: Array<BatchItem<SyncEntity>> = [];
    const versions = new Map<string, number>();
    for (const row of rows) {
      const entity = entityNamed(row.entity);
      const request = entity && (await this.requestOf(row, entity));
      // One the platform cannot take is parked by the single path, when its turn comes.
      if (!entity || !request) break;
      if (row.operation === 'update' && row.base_version === null)
        versions.set(row.id, await this.shadowVersion(row));
      items.push({ row, entity, request });
    }
    const mutations = mutationsOf(items, (row) => row.base_version ?? versions.get(row.id)!);
    return { items: items.slice(0, mutations.length), mutations };
  }

  /**
   * One batch sent, then each change's answer handled in order exactly as its single request's
   * would be (acknowledged, merged, parked, retried later); those the platform did not run stay.
   */
  private async sendBatch(
    items: ReadonlyArray<BatchItem<SyncEntity>>,
    mutations: ReturnType<typeof mutationsOf>,
  ): Promise<PushOutcome | 'continue' | 'unsupported'> {
    for (const { row } of items) this.sending.add(row.id);
    let answer: Exchange;
    try {
      answer = await this.options.client.exchange({
        method: 'POST',
        path: '/sync/push',
        body: { mutations },
        auth: true,
      });
    } finally {
      this.sending.clear();
    }
    const answers = answersOf(answer, items.length);
    if (answers === 'unsupported') return 'unsupported';
    if (answer.kind !== 'ok')
      await this.options.store.write((tx) =>
        markMaybeArrived(
          tx,
          items.slice(1).map((i) => i.row.id),
        ),
      );
    for (const [index, result] of answers.entries()) {
      const { row: sent, entity } = items[index]!;
      // An earlier answer of the batch may have moved this change onto a new version (handOverBase).
      const now = await this.options.store.read((tx) =>
        tx.first<{ base_version: number | null }>(sql`select base_version from outbox where id = ${sent.id}`),
      );
      const row = now ? { ...sent, base_version: now.base_version } : sent;
      const outcome = await this.handleAnswer(row, entity, result);
      if (outcome !== 'continue') return outcome;
    }
    return 'continue';
  }

  private async handleAnswer(
    row: OutboxTable,
    entity: SyncEntity,
    answer: Exchange,
  ): Promise<PushOutcome | 'continue'> {
    switch (answer.kind) {
      case 'ok':
        await this.acknowledge(row, entity, answer.data);
        return 'continue';
      case 'session-expired':
        return this.expire();
      case 'network':
        await this.retryLater(row, answer.message, undefined);
        return 'offline';
      case 'http': {
        const { status, problem } = answer;
        if (status === 404 && (row.operation === 'delete' || entity.settledByDeletion)) {
          // Gone already (deleted by someone else, or by the candidate): what was asked is done,
          // or no longer matters.
          await this.settle(row, entity);
          return 'continue';
        }
        if (status === 412 && problem?.current !== undefined) {
          await this.merge(row, entity, problem.current);
          return 'continue';
        }
        if (status === 401) return this.expire();
        if (status === 408 || status === 429 || status >= 500) {
          await this.retryLater(row, answer.message, answer.retryAfterMs);
          return 'offline';
        }
        const fields = problem?.errors?.length
          ? Object.fromEntries(problem.errors.map((e) => [e.field, e.detail]))
          : undefined;
        await this.park(row, answer.message, fields);
        return 'continue';
      }
    }
  }

  /** The platform no longer accepts this desktop's session: stop, say why. */
  private expire(): 'expired' {
    this.lastError = 'Votre session a expiré : reconnectez-vous pour synchroniser.';
    this.options.onSessionExpired();
    return 'expired';
  }

  /** The platform applied the change: it leaves the outbox, later changes of the row move onto the new version. */
  private async acknowledge(row: OutboxTable, entity: SyncEntity, body: unknown): Promise<void> {
    if (row.operation === 'delete') return this.settle(row, entity);
    const parsed = entity.schema.safeParse(body);
    await this.options.store.write((tx) => {
      if (!parsed.success) {
        // Applied, but the answer is unreadable: the next change keeps this one's base, the next pull fixes the row.
        handOverBase(tx, row, row.base_version);
        tx.run(sql`delete from outbox where id = ${row.id}`);
        this.options.logger.error(
          `Réponse inattendue à l’envoi d’une modification (${entity.name})`,
          parsed.error,
        );
        refreshView(tx, entity, row.entity_id);
        return;
      }
      const now = tx.first<OutboxTable>(sql`select * from outbox where id = ${row.id}`);
      const server = parsed.data as EntityData & Fields;
      if (row.operation === 'create' && now && now.payload !== row.payload) {
        // Edited while its creation was on the way: what the platform did not get goes as an update.
        const left = Object.entries(parseFields(now.payload))
          .filter(([key, value]) => !isDeepStrictEqual(server[key], value))
          .map(([key]) => key);
        if (left.length > 0) {
          const mine = parseFields(now.payload);
          tx.run(
            sql`update outbox set operation = 'update', payload = ${JSON.stringify(pick(mine, left))},
                base = ${JSON.stringify(pick(server, left))}, base_version = ${server.version} where id = ${row.id}`,
          );
          applyServerState(tx, entity, server, true);
          return;
        }
      }
      tx.run(sql`delete from outbox where id = ${row.id}`);
      handOverBase(tx, row, parsed.data.version);
      const waiting = hasWaitingChanges(tx, row.entity, row.entity_id);
      applyServerState(tx, entity, parsed.data, waiting);
      // The shadow was the base of what was just sent: kept, the next edit would go on its old version (412).
      if (!waiting) dropShadow(tx, row.entity, row.entity_id);
    });
    this.touched.add(entity.name);
  }

  /** A change the row's deletion on the platform made moot (or the deletion itself): it leaves the outbox. */
  private async settle(row: OutboxTable, entity: SyncEntity): Promise<void> {
    await this.options.store.write((tx) => {
      tx.run(sql`delete from outbox where id = ${row.id}`);
      if (row.operation === 'delete') settleDeletion(tx, entity, row.entity_id);
      else {
        handOverBase(tx, row, row.base_version);
        refreshView(tx, entity, row.entity_id);
      }
    });
    this.touched.add(entity.name);
  }

  /** Tells the UI which entities changed; during a push, every so many acknowledgements, not each one. */
  private flushChanges(): void {
    if (this.touched.size === 0) return;
    const names = [...this.touched];
    this.touched.clear();
    this.options.onChange(names);
  }

  /** 412: the row changed on the platform since the edit. Disjoint fields merge; the same field becomes a conflict. */
  private async merge(row: OutboxTable, entity: SyncEntity, current: unknown): Promise<void> {
    const parsed = entity.schema.safeParse(current);
    if (!parsed.success) {
      await this.park(row, 'La plateforme a signalé une modification concurrente illisible.', undefined);
      return;
    }
    const theirs = parsed.data as EntityData & Fields;
    await this.options.store.write((tx) => {
      writeShadow(tx, entity.name, theirs);
      const mine = parseFields(row.payload);
      // Set on the platform by someone else first: theirs stands, mine is no conflict.
      for (const field of entity.firstWriteWins ?? []) if (theirs[field] != null) delete mine[field];
      const { payload, conflicts } = mergeChange(parseFields(row.base), mine, theirs);
      const conflictFields = Object.keys(conflicts);
      if (conflictFields.length === 0) {
        if (Object.keys(payload).length === 0) {
          // Nothing of mine left to send: the next change builds on the platform's version.
          tx.run(sql`delete from outbox where id = ${row.id}`);
          handOverBase(tx, row, theirs.version);
        } else
          tx.run(
            sql`update outbox set payload = ${JSON.stringify(payload)}, base = ${JSON.stringify(pick(theirs, Object.keys(payload)))},
                base_version = ${theirs.version} where id = ${row.id}`,
          );
      } else {
        const record: ConflictRecord = { version: theirs.version, fields: conflicts };
        // My values stay visible (and in the payload) until the user chooses, field by field.
        tx.run(
          sql`update outbox set state = 'conflict', conflict = ${JSON.stringify(record)},
              payload = ${JSON.stringify({ ...payload, ...pick(mine, conflictFields) })} where id = ${row.id}`,
        );
      }
      refreshView(tx, entity, row.entity_id);
    });
    this.options.onChange([entity.name]);
  }

  private async retryLater(
    row: OutboxTable,
    message: string,
    retryAfterMs: number | undefined,
  ): Promise<void> {
    const attempts = row.attempts + 1;
    const at = new Date(
      Date.now() + nextDelayMs(attempts, this.backoff, this.random, retryAfterMs),
    ).toISOString();
    await this.options.store.write((tx) =>
      tx.run(
        sql`update outbox set attempts = ${attempts}, next_attempt_at = ${at}, last_error = ${message} where id = ${row.id}`,
      ),
    );
    this.lastError = message;
    this.schedule(Date.parse(at) - Date.now());
  }

  /** Refused for a reason a retry will not fix: kept, shown, until the user edits or discards it. */
  private async park(
    row: OutboxTable,
    message: string,
    fields: Record<string, string> | undefined,
  ): Promise<void> {
    const entity = entityNamed(row.entity);
    await this.options.store.write((tx) => {
      tx.run(
        sql`update outbox set state = 'parked', last_error = ${message},
            last_error_fields = ${fields ? JSON.stringify(fields) : null} where id = ${row.id}`,
      );
      if (entity) refreshView(tx, entity, row.entity_id);
    });
    this.options.onChange([row.entity]);
  }

  // ---- pull ------------------------------------------------------------------------------

  private readMembership(): Promise<LocalMembership | undefined> {
    return this.options.store.read((tx) =>
      tx.first<LocalMembership>(sql`select structure_id, role from account limit 1`),
    );
  }

  private async verifyMembership(): Promise<boolean> {
    return (await this.options.verifyMembership?.()) ?? false;
  }

  /** Applies the change feed page by page; false when it stopped early (offline...). */
  private async pull(): Promise<boolean> {
    let membership = await this.readMembership();
    if (membership?.structure_id && !membership.role) {
      // A pending collaborator gets none of the structure's data, until they are approved.
      if (!(await this.verifyMembership())) return true;
      membership = await this.readMembership();
    }
    const structureId = membership?.role ? membership.structure_id : null;
    if (!structureId) return true;
    if (
      !this.options.legacyBootstrap &&
      (await this.options.store.read((tx) => needsBootstrap(tx, structureId)))
    ) {
      const bootstrapped = await this.bootstrap(structureId);
      if (!bootstrapped) return false;
    }
    let cursor = await this.options.store.read((tx) =>
      Number(
        tx.first<{ value: string }>(sql`select value from meta where key = ${cursorKey(structureId)}`)
          ?.value ?? 0,
      ),
    );
    // The first pull of an account brings its whole history: nothing in it is news.
    const news = cursor > 0;
    let total: number | null = null;
    let done = 0;
    const fetchPage = (since: number, count: boolean) =>
      this.options.client.exchange({
        method: 'GET',
        path: '/sync/changes',
        params: { since, limit: this.pageSize, count: count ? 'true' : 'false' },
        auth: true,
      });
    let next = fetchPage(cursor, true);
    for (let first = true; ; first = false) {
      const answer = await next;
      if (answer.kind === 'session-expired') {
        this.expire();
        return false;
      }
      if (answer.kind === 'http' && MEMBERSHIP_PROBLEMS.has(answer.problem?.code ?? '')) {
        // Removed from the structure, or made pending again: the session follows.
        await this.verifyMembership();
        return false;
      }
      if (answer.kind !== 'ok') {
        this.lastError = answer.message;
        return false;
      }
      const page = changesPageSchema.safeParse(answer.data);
      if (!page.success) {
        this.lastError = 'Réponse inattendue de la plateforme à la synchronisation.';
        return false;
      }
      // The next page travels while this one is written (the platform and this desktop work side by side).
      if (page.data.hasMore) next = fetchPage(page.data.cursor, false);
      if (first && page.data.remaining !== null) total = page.data.remaining + page.data.changes.length;
      const touched = await this.applyPage(structureId, page.data.changes, page.data.cursor, news);
      cursor = page.data.cursor;
      done += page.data.changes.length;
      this.progress = { done, total };
      if (touched.length > 0) this.options.onChange(touched);
      await this.announce();
      if (!page.data.hasMore) return true;
    }
  }

  /**
   * A desktop without a cursor loads the platform's snapshot (./bootstrap), then the pull goes
   * on with the feed since the snapshot's cursor; false when it stopped (resumed next run).
   */
  private async bootstrap(structureId: string): Promise<boolean> {
    this.phase = 'bootstrap';
    this.progress = { done: 0, total: null, etaSeconds: null };
    await this.announce();
    const outcome = await runBootstrap({
      store: this.options.store,
      client: this.options.client,
      structureId,
      logger: this.options.logger,
      clock: Date.now,
      // The crash tests' pause inside a page also holds inside a bootstrap batch.
      hooks: { onRowApplied: (loaded) => this.options.onPullRowApplied?.(loaded, this.pageSize) },
      onProgress: (progress) => {
        this.progress = progress;
        void this.announce();
      },
      onProblem: (message) => (this.lastError = message),
    });
    if (outcome === 'expired') {
      this.expire();
      return false;
    }
    if (outcome === 'membership') {
      await this.verifyMembership();
      return false;
    }
    if (outcome === 'offline') return false;
    this.options.onChange(syncEntityNames.slice());
    this.phase = 'pull';
    this.progress = null;
    await this.announce();
    return true;
  }

  /** One page and its cursor, in one transaction: a crash leaves all of it or none. */
  private applyPage(
    structureId: string,
    changes: Change[],
    cursor: number,
    news: boolean,
  ): Promise<string[]> {
    return this.options.store.write((tx) => {
      const pending = new Set(
        tx
          .all<{ key: string }>(sql`select distinct entity || ':' || entity_id as key from outbox`)
          .map((row) => row.key),
      );
      const touched = new Set<string>();
      changes.forEach((change, index) => {
        const entity = entityNamed(change.entity);
        if (entity) {
          touched.add(entity.name);
          if (change.deleted) {
            if (!entity.survivesTombstone?.(tx, change.entity, change.id))
              applyServerDeletion(tx, entity, change.id);
          } else {
            const data = entity.schema.safeParse(change.data);
            if (data.success) {
              const arrival = news ? entity.isArrival : undefined;
              const before = arrival ? readView(tx, entity, change.id) : undefined;
              applyServerState(tx, entity, data.data, pending.has(`${entity.name}:${change.id}`));
              if (arrival?.(before, data.data))
                this.arrivals.set(entity.name, (this.arrivals.get(entity.name) ?? 0) + 1);
            } else
              this.options.logger.error(
                `Changement illisible ignoré (${change.entity} ${change.id})`,
                data.error,
              );
          }
        }
        this.options.onPullRowApplied?.(index, changes.length);
      });
      tx.exec('insert or replace into meta (key, value) values (?, ?)', [
        cursorKey(structureId),
        String(cursor),
      ]);
      return [...touched];
    });
  }

  // ---- what the user must look at -------------------------------------------------------

  async issues(): Promise<SyncIssue[]> {
    const rows = await this.options.store.read((tx) =>
      tx.all<OutboxTable>(sql`select * from outbox where state in ('parked', 'conflict') order by position`),
    );
    return rows.map((row) => {
      const payload = parseFields(row.payload);
      const conflict = row.conflict ? (JSON.parse(row.conflict) as ConflictRecord) : null;
      const errors = row.last_error_fields
        ? (JSON.parse(row.last_error_fields) as Record<string, string>)
        : {};
      return {
        id: row.id,
        entity: row.entity,
        entityId: row.entity_id,
        entityLabel: entityNamed(row.entity)?.label ?? row.entity,
        state: row.state as 'parked' | 'conflict',
        createdAt: row.created_at,
        message: row.state === 'parked' ? row.last_error : null,
        fields: Object.entries(payload).map(([field, mine]) => {
          const inConflict = conflict?.fields[field];
          return {
            field,
            label: labelOf(field),
            mine,
            conflict: inConflict !== undefined,
            ...(inConflict ? { theirs: inConflict.theirs, base: inConflict.base } : {}),
            ...(errors[field] ? { error: errors[field] } : {}),
          };
        }),
      };
    });
  }

  private async amend(
    id: string,
    states: OutboxTable['state'][],
    change: (tx: WriteTx, row: OutboxTable) => void,
    recompute: typeof refreshView = refreshView,
  ) {
    await this.options.store.write((tx) => {
      const row = tx.first<OutboxTable>(sql`select * from outbox where id = ${id}`);
      if (!row || !states.includes(row.state)) {
        throw new AppError(
          'not_found',
          'Cette modification n’est plus en attente (déjà envoyée ou abandonnée).',
        );
      }
      change(tx, row);
      const entity = entityNamed(row.entity);
      if (entity) recompute(tx, entity, row.entity_id);
    });
    this.schedule(0);
    void this.announce();
  }

  /** One conflicting field: keep my value, or take the platform's. Once all are chosen, the change goes. */
  async resolve(id: string, field: string, choice: 'mine' | 'theirs'): Promise<string> {
    let entityName = '';
    await this.amend(id, ['conflict'], (tx, row) => {
      entityName = row.entity;
      const record = JSON.parse(row.conflict ?? '{"fields":{}}') as ConflictRecord;
      const chosen = record.fields[field];
      if (!chosen)
        throw new AppError('validation', `Le champ « ${labelOf(field)} » n’est pas en conflit.`, {
          field: 'Champ sans conflit.',
        });
      const payload = parseFields(row.payload);
      const base = parseFields(row.base);
      if (choice === 'theirs') delete payload[field];
      else payload[field] = chosen.mine;
      // Resolved against the platform's version: that is now the base of this field.
      base[field] = chosen.theirs;
      delete record.fields[field];
      const left = Object.keys(record.fields).length;
      if (left > 0) {
        tx.run(
          sql`update outbox set payload = ${JSON.stringify(payload)}, base = ${JSON.stringify(base)}, conflict = ${JSON.stringify(record)} where id = ${id}`,
        );
      } else if (Object.keys(payload).length === 0) {
        tx.run(sql`delete from outbox where id = ${id}`);
        handOverBase(tx, row, record.version);
      } else {
        tx.run(
          sql`update outbox set payload = ${JSON.stringify(payload)}, base = ${JSON.stringify(pick(base, Object.keys(payload)))},
              base_version = ${record.version}, conflict = null, state = 'pending', attempts = 0, next_attempt_at = null
              where id = ${id}`,
        );
      }
    });
    this.options.onChange([entityName]);
    return entityName;
  }

  /** Sends a refused change again as it is. */
  async resend(id: string): Promise<void> {
    await this.amend(id, ['parked'], (tx) =>
      tx.run(
        sql`update outbox set state = 'pending', attempts = 0, next_attempt_at = null, last_error = null, last_error_fields = null where id = ${id}`,
      ),
    );
  }

  /** Drops a refused or conflicting change: the platform's version of the row comes back. */
  async discard(id: string): Promise<void> {
    let entityName = '';
    await this.amend(
      id,
      ['parked', 'conflict'],
      (tx, row) => {
        entityName = row.entity;
        if (row.operation === 'create') {
          // The row never reached the platform: the changes made to it since go with it.
          tx.run(sql`delete from outbox where entity = ${row.entity} and entity_id = ${row.entity_id}`);
          return;
        }
        tx.run(sql`delete from outbox where id = ${id}`);
        handOverBase(tx, row, row.base_version);
      },
      // The dropped change may have been the last to set some field: replay the others. A
      // dropped creation takes its row with it, and so does the last change of a row the user
      // may no longer see.
      (tx, entity, rowId) => {
        const waiting = hasWaitingChanges(tx, entity.name, rowId);
        if (!waiting && !readShadow(tx, entity.name, rowId)) return dropLocalRow(tx, entity, rowId);
        replayView(tx, entity, rowId);
        if (!waiting && entity.hiddenFromUser?.(tx, rowId)) dropLocalRow(tx, entity, rowId);
      },
    );
    this.options.onChange([entityName]);
  }
}
