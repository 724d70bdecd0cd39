import type { Bridge } from '../../shared/ipc/bridge';
import type { Envelope } from '../../shared/ipc/envelope';
import type { CoreEvent } from '../../shared/ipc/events';

const HOST_GONE =
  'L’application ne répond plus (le serveur local est arrêté ?). Relancez-la, puis rechargez la page.';

/** The web host's transport: `POST /ipc/<channel>` and one EventSource on `/events`. */
export function createHttpBridge(): Bridge {
  const listeners = new Set<(event: CoreEvent) => void>();
  let source: EventSource | undefined;
  let cut = false;
  const deliver = (event: CoreEvent) => {
    for (const l of listeners) l(event);
  };

  return {
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: input === undefined ? '' : JSON.stringify(input),
          credentials: 'same-origin',
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: HOST_GONE } };
      }
      if ((response.headers.get('content-type') ?? '').includes('application/json')) {
        return (await response.json()) as Envelope<never>;
      }
      return { ok: false, error: { code: 'unauthorized', message: await response.text() } };
    },

    subscribe(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource('/events');
        source.onmessage = (message: MessageEvent<string>) => deliver(JSON.parse(message.data) as CoreEvent);
        // The browser reconnects by itself; what the core said meanwhile is lost, so say so.
        source.onerror = () => {
          cut = true;
        };
        source.onopen = () => {
          if (!cut) return;
          cut = false;
          deliver({ type: 'events.resumed', payload: {} });
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = undefined;
        }
      };
    },
  };
}
