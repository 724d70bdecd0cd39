import type { SyncIssue, SyncStatus } from '../../../shared/domain/sync';
import type { WriteTx } from '../db/store';
import { sql } from 'kysely';
import { createContext, type SyncContext } from './engine/context';
import { resolve } from './engine/conflicts';
import { discard, issues, resend } from './engine/issues';
import { applyServerRows, createMany, remove, updateMany } from './engine/local-writes';
import type { SyncEngineOptions } from './engine/options';
import { LiveStream } from './engine/live';
import { feedCursor, pull } from './engine/pull';
import { runOnce } from './engine/run';
import { Scheduler } from './engine/scheduler';
import { readStatus } from './engine/status';
import type { EntityData, SyncEntity } from './entities';
import type { Fields } from './merge';

export type { SyncEngineOptions } from './engine/options';
export { cursorKey } from './cursor';

/**
 * The offline-first sync engine (DESIGN.md §4). Local changes are written with their outbox
 * row in one transaction; push sends the outbox in order with Idempotency-Key and If-Match;
 * pull applies the structure's change feed page by page, each page with its cursor. The parts
 * are in ./engine/ (docs/architecture.md lists them); this class puts them together.
 */
export class SyncEngine {
  private readonly ctx: SyncContext;
  private readonly scheduler: Scheduler;
  private readonly live: LiveStream | null;

  constructor(options: SyncEngineOptions) {
    this.ctx = createContext(options, (delayMs) => this.scheduler.schedule(delayMs));
    this.scheduler = new Scheduler({
      periodicMs: options.periodicMs ?? 5 * 60_000,
      run: () => runOnce(this.ctx),
      clearRetryDelays: async () => {
        await options.store.write((tx) =>
          tx.run(sql`update outbox set next_attempt_at = null where state = 'pending'`),
        );
      },
      logger: options.logger,
    });
    this.live =
      options.live === false
        ? null
        : new LiveStream({
            client: options.client,
            readCursor: () => feedCursor(this.ctx),
            onPoke: (cursor) => void this.onPoke(cursor),
            onLiveChange: (live) => this.scheduler.setLive(live),
            logger: options.logger,
            ...(options.random ? { random: options.random } : {}),
            ...(options.liveRetry ? { retry: options.liveRetry } : {}),
            ...(options.liveIdleMs ? { idleMs: options.liveIdleMs } : {}),
          });
  }

  /** Starts syncing: now, then when the platform pokes (or every few minutes without its stream), after local changes and on reconnection. */
  start(): void {
    this.scheduler.start();
    this.live?.start();
  }

  /** Stops scheduling and the live stream, and waits for a run in progress. */
  async stop(): Promise<void> {
    await Promise.all([this.live?.stop(), this.scheduler.stop()]);
  }

  /** A pull soon, when the platform's feed is past this desktop's cursor. */
  private async onPoke(cursor: number): Promise<void> {
    const local = await feedCursor(this.ctx).catch(() => null);
    if (local !== null && cursor > local) this.scheduler.poke();
  }

  /** A screen that shows the platform's latest state opened: pull now (one run, as any other). */
  refresh(): void {
    this.scheduler.schedule(0);
  }

  /** One run at a time; a request during a run makes another run follow it. */
  runNow(): Promise<void> {
    return this.scheduler.runNow();
  }

  /** "Synchroniser maintenant", or the network is back: retry every waiting change at once. */
  async syncNow(): Promise<SyncStatus> {
    await this.scheduler.syncNow();
    return this.status();
  }

  onReconnect(): void {
    this.scheduler.onReconnect();
    this.live?.wake();
  }

  status(): Promise<SyncStatus> {
    return readStatus(this.ctx);
  }

  /** The pull alone (some tests reach it, as they did when it was a method of this class). */
  private pull(): Promise<boolean> {
    return pull(this.ctx);
  }

  /** A row created here: its view (what the user sees until the platform answers) and its outbox row, together. */
  async create(
    entity: SyncEntity,
    view: EntityData,
    payload: Fields,
    guard?: (tx: WriteTx) => void,
  ): Promise<void> {
    await createMany(this.ctx, entity, [{ view, payload }], guard);
  }

  /** Several creations in one transaction, all or none (see engine/local-writes.ts). */
  createMany(
    entity: SyncEntity,
    rows: Array<{ view: EntityData; payload: Fields }>,
    guard?: (tx: WriteTx) => void,
  ): Promise<void> {
    return createMany(this.ctx, entity, rows, guard);
  }

  /** A row deleted here; its deletion is sent, unless the platform never had the row. */
  remove(entity: SyncEntity, id: string): Promise<void> {
    return remove(this.ctx, entity, id);
  }

  /** A local edit, written with its outbox row; `derived` values are shown, never sent. */
  async update(entity: SyncEntity, id: string, patch: Fields, derived: Fields = {}): Promise<void> {
    await updateMany(this.ctx, entity, [{ id, patch, derived }]);
  }

  /** Several edits in one transaction, all or none (see engine/local-writes.ts). */
  updateMany(
    entity: SyncEntity,
    edits: ReadonlyArray<{ id: string; patch: Fields; derived?: Fields }>,
    guard?: (tx: WriteTx) => void,
  ): Promise<void> {
    return updateMany(this.ctx, entity, edits, guard);
  }

  /** Rows the platform returned outside the feed (after a role change made here): stored at once. */
  applyServerRows(entity: SyncEntity, rows: EntityData[], deletedIds: string[] = []): Promise<void> {
    return applyServerRows(this.ctx, entity, rows, deletedIds);
  }

  /** Changes the platform refused, or that conflict with someone else's. */
  issues(): Promise<SyncIssue[]> {
    return issues(this.ctx);
  }

  /** One conflicting field: keep my value, or take the platform's. Once all are chosen, the change goes. */
  resolve(id: string, field: string, choice: 'mine' | 'theirs'): Promise<string> {
    return resolve(this.ctx, id, field, choice);
  }

  /** Sends a refused change again as it is. */
  resend(id: string): Promise<void> {
    return resend(this.ctx, id);
  }

  /** Drops a refused or conflicting change: the platform's version of the row comes back. */
  discard(id: string): Promise<void> {
    return discard(this.ctx, id);
  }
}
