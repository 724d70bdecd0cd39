import { contract, isChannelName, type Handlers } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import { AppError, validationError } from '../../shared/ipc/errors';
import { runInChannel } from './db/query-log';

export interface Logger {
  error(message: string, error?: unknown): void;
  info?(message: string): void;
}

/**
 * The single entry of every transport: checks the channel and its input against the contract
 * before any handler runs (so a malformed payload writes nothing), and answers an envelope.
 */
export function createDispatcher(
  handlers: Handlers,
  logger: Logger,
  /** An error the core can name (a damaged local database) as the AppError to answer; null otherwise. */
  translate: (error: unknown) => AppError | null = () => null,
) {
  return async function invoke(channel: unknown, rawInput?: unknown): Promise<Envelope<unknown>> {
    if (!isChannelName(channel)) {
      return {
        ok: false,
        error: { code: 'not_found', message: `Canal inconnu : « ${String(channel).slice(0, 80)} ».` },
      };
    }
    const definition = contract[channel];
    try {
      // Inside the try: a schema's own callback that throws must still answer an envelope.
      const parsed = definition.input.safeParse(rawInput);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues).toData() };
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      // The local database's slow-query log names the channel whose handling ran the query.
      const output = await runInChannel(channel, () => handler(parsed.data));
      // Answers are checked too: a handler bug must not reach the renderer as odd data.
      return { ok: true, data: definition.output.parse(output) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() };
      const known = translate(error);
      if (known) {
        logger.error(`Erreur de la base locale sur le canal ${channel}`, error);
        return { ok: false, error: known.toData() };
      }
      logger.error(`Erreur inattendue sur le canal ${channel}`, error);
      return {
        ok: false,
        error: {
          code: 'internal',
          message:
            'Une erreur inattendue est survenue. Réessayez ; si le problème persiste, contactez l’assistance.',
        },
      };
    }
  };
}

export type Invoke = ReturnType<typeof createDispatcher>;
