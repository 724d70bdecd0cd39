import type { Core } from '../create-core';
import type { Logger } from '../dispatch';
import type { CoreToHost, HostToCore, MessageChannelLike } from './protocol';

/**
 * The core's side of a remote core: answers invoke envelopes over `channel`, forwards every
 * event in the order the core emits them, and on `close` closes the core (its databases) before
 * saying `closed`. Messages go out in call order, so an event emitted before an answer arrives
 * before it.
 */
export function serveCore(core: Core, channel: MessageChannelLike, logger?: Logger): () => void {
  const send = (message: CoreToHost) => channel.postMessage(message);
  const stopEvents = core.events.subscribe((event) => send({ type: 'event', event }));
  let closing: Promise<void> | null = null;

  const onMessage = (raw: unknown) => {
    const message = raw as HostToCore;
    if (message.type === 'invoke') {
      void core
        .invoke(message.channel, message.input)
        .then((envelope) => send({ type: 'result', id: message.id, envelope }));
    } else if (message.type === 'close') {
      closing ??= core
        .close()
        .catch((error: unknown) => logger?.error('Fermeture du cœur en échec', error))
        .then(() => {
          stopEvents();
          send({ type: 'closed' });
        });
    }
  };
  channel.on('message', onMessage);
  return () => {
    stopEvents();
    channel.off?.('message', onMessage);
  };
}

/**
 * Questions the core asks its host (Electron's main owns safeStorage): one promise per
 * question, settled by the host's `reply`.
 */
export function createAsker(channel: MessageChannelLike) {
  let next = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  channel.on('message', (raw: unknown) => {
    const message = raw as HostToCore;
    if (message.type !== 'reply') return;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new Error(message.message));
  });
  return function ask(question: string, ...args: unknown[]): Promise<unknown> {
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      channel.postMessage({ type: 'ask', id, question, args } satisfies CoreToHost);
    });
  };
}
