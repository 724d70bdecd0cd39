import { z } from '../zod';
import { integerParam } from './sync';

// `GET /sync/stream`: Server-Sent Events that tell a desktop its structure's feed grew. A poke
// carries no data, only the feed's position: the pull (GET /sync/changes) stays the one way
// data comes in, with its visibility rule and its cursor.

export const STREAM_CONTENT_TYPE = 'text/event-stream';

/** The name of the event a poke is sent as. */
export const POKE_EVENT = 'poke';

/** A comment line goes this often, so that proxies and the desktop's watchdog see a live stream. */
export const STREAM_HEARTBEAT_MS = 25_000;

export const streamQuerySchema = z.object({
  /** The desktop's cursor: a feed already past it gets a poke at once. */
  cursor: integerParam('Le curseur « cursor » doit être un entier positif ou nul.').optional(),
});

export const streamHeadersSchema = z.object({
  /** What EventSource sends on reconnection: the id of the last poke received. */
  'last-event-id': integerParam(
    'L’en-tête « Last-Event-ID » doit être un entier positif ou nul (le curseur du dernier signal reçu).',
  ).optional(),
});

export const pokeSchema = z.object({
  /** The last position of the feed this reader may see, when the poke left. */
  cursor: z.number().int().nonnegative(),
});
export type Poke = z.infer<typeof pokeSchema>;

/** One poke as its event-stream text (the id is the cursor, for Last-Event-ID). */
export function pokeEventText(cursor: number): string {
  return `id: ${cursor}\nevent: ${POKE_EVENT}\ndata: ${JSON.stringify({ cursor } satisfies Poke)}\n\n`;
}
