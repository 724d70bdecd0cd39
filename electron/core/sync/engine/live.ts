import { createParser } from 'eventsource-parser';
import { POKE_EVENT, pokeSchema } from '../../../../shared/api/sync-stream';
import type { Logger } from '../../dispatch';
import type { PlatformClient } from '../../platform/client';
import { nextDelayMs, type BackoffPolicy } from '../backoff';

export interface LiveStreamOptions {
  client: PlatformClient;
  /** The local cursor of the structure's feed, or null while there is no feed to follow (no structure, pending). */
  readCursor: () => Promise<number | null>;
  /** The platform's feed reached `cursor` (it may be where this desktop already is). */
  onPoke: (cursor: number) => void;
  /** The stream went up (its first bytes arrived) or down. */
  onLiveChange: (live: boolean) => void;
  logger: Logger;
  random?: () => number;
  /** Reconnection delays after a failure: doubling from `baseMs` up to `capMs`, with jitter. */
  retry?: BackoffPolicy;
  /** A stream silent this long is dead (the platform's heartbeat comes every 25 s). */
  idleMs?: number;
  /** A stream that lived this long reconnects at once when it ends (the platform ends it when the token expires). */
  healthyMs?: number;
}

export const LIVE_RETRY: BackoffPolicy = { baseMs: 1_000, capMs: 30_000 };
/** Two heartbeats and a half: a lost one is not enough to drop the stream. */
export const LIVE_IDLE_MS = 62_500;
const HEALTHY_MS = 5_000;

type Outcome = 'ended' | 'failed' | 'unsupported' | 'expired';

/**
 * The desktop's side of GET /sync/stream: one stream open while the engine runs. A poke starts
 * nothing by itself; the engine decides (a pull, debounced). A platform without the path (a 404,
 * 405 or 501 that is not one of its problems) or an ended session stops it: the periodic sync
 * then does its work.
 */
export class LiveStream {
  private running: Promise<void> | null = null;
  private stopped = true;
  private controller: AbortController | null = null;
  private wakeUp: (() => void) | null = null;
  private failures = 0;

  constructor(private readonly options: LiveStreamOptions) {}

  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.controller?.abort();
    this.wakeUp?.();
    await this.running;
  }

  /** The network is back: reconnect now rather than at the end of the wait. */
  wake(): void {
    this.failures = 0;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const cursor = await this.options.readCursor().catch(() => null);
      if (this.stopped) return;
      if (cursor === null) {
        // Not (yet) a member: look again later, or when woken (a sign-in, an approval arrive by the pull).
        await this.wait(this.retry.capMs);
        continue;
      }
      const openedAt = Date.now();
      const outcome = await this.connect(cursor);
      this.options.onLiveChange(false);
      if (this.stopped) return;
      if (outcome === 'unsupported' || outcome === 'expired') {
        this.options.logger.info?.(
          outcome === 'unsupported'
            ? 'Synchronisation en direct indisponible sur cette plateforme : synchronisation périodique.'
            : 'Synchronisation en direct arrêtée : session terminée.',
        );
        return;
      }
      if (outcome === 'ended' && Date.now() - openedAt >= (this.options.healthyMs ?? HEALTHY_MS)) {
        this.failures = 0;
        continue;
      }
      this.failures += 1;
      await this.wait(nextDelayMs(this.failures, this.retry, this.options.random ?? Math.random));
    }
  }

  private get retry(): BackoffPolicy {
    return this.options.retry ?? LIVE_RETRY;
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  private async connect(cursor: number): Promise<Outcome> {
    const controller = new AbortController();
    this.controller = controller;
    const answer = await this.options.client.exchangeStream({
      method: 'GET',
      path: '/sync/stream',
      params: { cursor },
      auth: true,
      timeoutMs: 0,
      signal: controller.signal,
    });
    if (answer.kind === 'session-expired') return 'expired';
    if (answer.kind === 'http' && !answer.problem && [404, 405, 501].includes(answer.status))
      return 'unsupported';
    if (answer.kind !== 'ok') return 'failed';

    const idleMs = this.options.idleMs ?? LIVE_IDLE_MS;
    let watchdog = setTimeout(() => controller.abort(), idleMs);
    let live = false;
    const parser = createParser({
      onEvent: (event) => {
        if (event.event !== POKE_EVENT) return;
        const poke = pokeSchema.safeParse(safeJson(event.data));
        if (poke.success) this.options.onPoke(poke.data.cursor);
      },
    });
    const decoder = new TextDecoder();
    try {
      for await (const chunk of answer.body) {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => controller.abort(), idleMs);
        if (!live) {
          live = true;
          this.options.onLiveChange(true);
        }
        parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      }
      return 'ended';
    } catch {
      // Aborted (stop, watchdog) or cut by the network.
      return live && !controller.signal.aborted ? 'ended' : 'failed';
    } finally {
      clearTimeout(watchdog);
      controller.abort();
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
