import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/errors';
import { bridge } from './bridge';

/** Calls a channel; resolves with its data or rejects with an AppError in French. */
export async function call<C extends ChannelName>(
  channel: C,
  ...[input]: undefined extends ChannelInput<C> ? [ChannelInput<C>?] : [ChannelInput<C>]
): Promise<ChannelOutput<C>> {
  const envelope = await bridge().invoke(channel, input as ChannelInput<C>);
  if (envelope.ok) return envelope.data;
  throw AppError.from(envelope.error);
}

/** The user-facing message of anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return 'Une erreur inattendue est survenue.';
}
