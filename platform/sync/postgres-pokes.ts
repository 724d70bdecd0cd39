import pg from 'pg';
import { POKE_CHANNEL } from './poke-channels';
import { decodePoke, type PokeBus } from './pokes';

export interface PokeListenerOptions {
  /** The connection was lost and opened again: pokes of the gap may be lost, the streams should start over. */
  onGap: () => void;
  onError?: (error: unknown) => void;
  /** Reconnection delays: doubling from 500 ms up to this. */
  maxRetryMs?: number;
}

export interface PokeListener {
  close(): Promise<void>;
}

/**
 * The instance's one LISTEN connection (PostgreSQL): every NOTIFY of the feed, from any instance,
 * goes to this instance's bus, and from there to its open streams. When the connection drops it
 * comes back with backoff; the gap is told (`onGap`), since a desktop may have missed a poke then
 * (the streams are ended, and the desktops reconnect with their cursor and get a poke if behind).
 */
export async function listenForPokes(
  connectionString: string,
  bus: PokeBus,
  options: PokeListenerOptions,
): Promise<PokeListener> {
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
    next.on('notification', (message) => {
      if (message.channel !== POKE_CHANNEL || !message.payload) return;
      const poke = decodePoke(message.payload);
      if (poke) bus.publish(poke);
    });
    next.on('error', (error) => {
      options.onError?.(error);
      retry(next);
    });
    next.on('end', () => retry(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${POKE_CHANNEL}`);
    } catch (error) {
      next.removeAllListeners('end');
      void next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    retryMs = 500;
  };

  const retry = (lost: pg.Client) => {
    if (closed || client !== lost) return;
    client = null;
    lost.removeAllListeners('end');
    void lost.end().catch(() => undefined);
    schedule();
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect().then(
        () => options.onGap(),
        (error: unknown) => {
          options.onError?.(error);
          retryMs = Math.min(retryMs * 2, options.maxRetryMs ?? 30_000);
          schedule();
        },
      );
    }, retryMs);
    timer.unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
