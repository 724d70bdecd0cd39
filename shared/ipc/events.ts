import type { z } from '../zod';
import { connectivitySchema, sessionSchema } from '../domain/session';

/** Events the core pushes to the renderer (IPC messages in Electron, one SSE stream on the web host). */
export const eventsContract = {
  'session.changed': sessionSchema,
  'connectivity.changed': connectivitySchema,
};

export type EventName = keyof typeof eventsContract;
export type CoreEvent = {
  [K in EventName]: { type: K; payload: z.output<(typeof eventsContract)[K]> };
}[EventName];
