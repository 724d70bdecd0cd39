import type { z } from '../zod';

/** One IPC channel: what it accepts and what it answers. */
export interface ChannelDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): ChannelDefinition<I, O> {
  return { input, output };
}
