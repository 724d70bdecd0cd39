import { z } from '../zod';
import { connectivitySchema, sessionSchema } from '../domain/session';
import { syncStatusSchema } from '../domain/sync';

/** Events the core pushes to the renderer (IPC messages in Electron, one SSE stream on the web host). */
export const eventsContract = {
  'session.changed': sessionSchema,
  'connectivity.changed': connectivitySchema,
  'sync.status': syncStatusSchema,
  /** Local data of these entities changed (pull, acknowledgement, local edit): refresh their queries. */
  'entities.changed': z.object({ entities: z.array(z.string()) }),
};

export type EventName = keyof typeof eventsContract;
export type CoreEvent = {
  [K in EventName]: { type: K; payload: z.output<(typeof eventsContract)[K]> };
}[EventName];
