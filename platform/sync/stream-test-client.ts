import { createParser } from 'eventsource-parser';
import { POKE_EVENT, pokeSchema } from '../../shared/api/sync-stream';

/** What a test reads from GET /sync/stream: pokes (their cursors) and comments, in order. */
export type StreamItem =
  { kind: 'poke'; cursor: number; id: string | undefined } | { kind: 'comment'; text: string };

export interface TestStream {
  status: number;
  /** The next item that matches, waiting for it (fails after `timeoutMs`). */
  next(match?: (item: StreamItem) => boolean, timeoutMs?: number): Promise<StreamItem>;
  /** Everything received so far. */
  received(): StreamItem[];
  /** Resolves when the platform ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens a live stream over real HTTP (inject cannot hold an answer open). */
export async function openTestStream(
  baseUrl: string,
  token: string,
  options: { cursor?: number | string; lastEventId?: string } = {},
): Promise<TestStream> {
  const controller = new AbortController();
  const url = new URL('/api/v1/sync/stream', baseUrl);
  if (options.cursor !== undefined) url.searchParams.set('cursor', String(options.cursor));
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'text/event-stream',
      ...(options.lastEventId !== undefined ? { 'last-event-id': options.lastEventId } : {}),
    },
    signal: controller.signal,
  });
  const items: StreamItem[] = [];
  let wake: () => void = () => undefined;
  const parser = createParser({
    onEvent(event) {
      if (event.event === POKE_EVENT)
        items.push({ kind: 'poke', cursor: pokeSchema.parse(JSON.parse(event.data)).cursor, id: event.id });
      wake();
    },
    onComment(text) {
      items.push({ kind: 'comment', text: text.trim() });
      wake();
    },
  });
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // Aborted by close().
    }
  })().finally(() => wake());
  let endedFlag = false;
  void ended.then(() => (endedFlag = true));
  let read = 0;
  return {
    status: response.status,
    received: () => [...items],
    ended,
    close: () => controller.abort(),
    async next(match = () => true, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (read < items.length) {
          const item = items[read++]!;
          if (match(item)) return item;
        }
        if (endedFlag)
          throw new Error(`flux terminé sans l’élément attendu (reçu : ${JSON.stringify(items)})`);
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`rien reçu d’attendu en ${timeoutMs} ms (reçu : ${JSON.stringify(items)})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
  };
}

export const isPoke = (item: StreamItem): item is Extract<StreamItem, { kind: 'poke' }> =>
  item.kind === 'poke';
