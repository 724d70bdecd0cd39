import type { Logger } from '../../dispatch';

export interface SchedulerOptions {
  /** A sync every so often, even when nothing happens locally. */
  periodicMs: number;
  /** One run of the engine (push, then pull). */
  run: () => Promise<void>;
  /** "Sync now": every change waiting for its retry may go at once. */
  clearRetryDelays: () => Promise<void>;
  logger: Logger;
}

/** A poke waits this long for others: a burst of entries (a batch pushed by a colleague) makes one pull. */
export const POKE_DEBOUNCE_MS = 150;

/**
 * When the engine syncs: at start, when the platform pokes (its live stream), every `periodicMs`
 * while the stream is down, a while after a local change (the debounce is the caller's delay), at
 * a change's retry time (backoff), and at once when asked or when the network is back. Runs never overlap: asked during a run, another one follows it.
 * Nothing is scheduled before start() nor after stop(); runNow() and syncNow() work regardless.
 */
export class Scheduler {
  private enabled = false;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;
  private periodic: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private live = false;

  constructor(private readonly options: SchedulerOptions) {}

  /** Starts syncing: now, then every few minutes, after local changes and on reconnection. */
  start(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.schedule(0);
    // With the live stream up, the platform says when there is something to pull.
    this.periodic = setInterval(() => {
      if (!this.live) this.schedule(0);
    }, this.options.periodicMs);
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

  /** A run in `delayMs`; one planned earlier stands (a later one would only delay it). */
  schedule(delayMs: number): void {
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

  /** The platform's feed grew past this desktop's cursor. */
  poke(): void {
    this.schedule(POKE_DEBOUNCE_MS);
  }

  /** Whether the live stream is up: the periodic sync is its fallback. */
  setLive(live: boolean): void {
    this.live = live;
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
        await this.options.run();
      } while (this.again && this.enabled);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** "Synchroniser maintenant", or the network is back: retry every waiting change at once. */
  async syncNow(): Promise<void> {
    await this.options.clearRetryDelays();
    if (this.running) await this.running;
    await this.runNow();
  }

  onReconnect(): void {
    if (!this.enabled) return;
    void this.syncNow().catch((error: unknown) =>
      this.options.logger.error('Synchronisation impossible', error),
    );
  }
}
