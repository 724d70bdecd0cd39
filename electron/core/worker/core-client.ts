import type { Envelope } from '../../../shared/ipc/envelope';
import { EventHub } from '../events';
import type { CoreToHost, HostToCore, MessageChannelLike } from './protocol';

/** What the hosts use of a Core, whether it runs in this thread or another. */
export interface CoreConnection {
  invoke(channel: unknown, input?: unknown): Promise<Envelope<unknown>>;
  events: Pick<EventHub, 'subscribe' | 'next'>;
  close(): Promise<void>;
}

export interface RemoteCore extends CoreConnection {
  /** Settles when the core says it is ready (or fails to start). */
  ready: Promise<void>;
  /** The worker or process ended before `close()`: every pending call answers `internal`. */
  lost(reason: string): void;
}

/** Questions the core may ask its host (Electron: safeStorage through the main process). */
export type HostAnswers = Record<string, (...args: never[]) => unknown>;

const LOST = {
  code: 'internal',
  message:
    'Le moteur local s’est arrêté. Redémarrez l’application ; si le problème persiste, contactez l’assistance.',
} as const;

/**
 * The host's side of a remote core. `shutdown` ends the worker or process once the core has
 * closed its databases (or at once if it never started).
 */
export function connectCore(
  channel: MessageChannelLike,
  shutdown: () => Promise<void> | void,
  answers: HostAnswers = {},
): RemoteCore {
  const events = new EventHub();
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  let next = 1;
  let gone = false;
  let settleReady!: { resolve: () => void; reject: (error: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  // Starters await `ready`; a loss after that must not surface as an unhandled rejection.
  ready.catch(() => undefined);
  let settleClosed: (() => void) | null = null;
  const send = (message: HostToCore) => channel.postMessage(message);

  const lost = (reason: string) => {
    if (gone) return;
    gone = true;
    settleReady.reject(new Error(reason));
    for (const answer of pending.values()) answer({ ok: false, error: { ...LOST } });
    pending.clear();
    settleClosed?.();
  };

  channel.on('message', (raw: unknown) => {
    const message = raw as CoreToHost;
    switch (message.type) {
      case 'ready':
        settleReady.resolve();
        break;
      case 'failed':
        lost(message.message);
        break;
      case 'result': {
        const answer = pending.get(message.id);
        pending.delete(message.id);
        answer?.(message.envelope);
        break;
      }
      case 'event':
        events.emit(message.event);
        break;
      case 'closed':
        settleClosed?.();
        break;
      case 'ask':
        void answer(message.id, message.question, message.args);
        break;
    }
  });

  async function answer(id: number, question: string, args: unknown[]) {
    try {
      const handler = answers[question];
      if (!handler) throw new Error(`question inconnue : ${question}`);
      const value = await (handler as (...a: unknown[]) => unknown)(...args);
      send({ type: 'reply', id, ok: true, value });
    } catch (error) {
      send({ type: 'reply', id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  }

  let closing: Promise<void> | null = null;
  return {
    ready,
    lost,
    events,
    invoke(channelName, input) {
      if (gone) return Promise.resolve({ ok: false, error: { ...LOST } });
      const id = next++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ type: 'invoke', id, channel: channelName, input });
      });
    },
    close() {
      closing ??= (async () => {
        if (!gone) {
          const closed = new Promise<void>((resolve) => (settleClosed = resolve));
          send({ type: 'close' });
          await closed;
        }
        gone = true;
        await shutdown();
      })();
      return closing;
    },
  };
}
