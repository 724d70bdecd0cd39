import { z } from '../zod';
import { applicationStatusSchema } from '../domain/applications';
import { connectivitySchema, sessionSchema } from '../domain/session';
import { syncStatusSchema } from '../domain/sync';

/** Events the core pushes to the renderer (IPC messages in Electron, one SSE stream on the web host). */
export const eventsContract = {
  'session.changed': sessionSchema,
  'connectivity.changed': connectivitySchema,
  'sync.status': syncStatusSchema,
  /** Local data of these entities changed (pull, acknowledgement, local edit): refresh their queries. */
  'entities.changed': z.object({ entities: z.array(z.string()) }),
  /**
   * A sync brought applications this desktop had never seen: a desktop notification (Electron)
   * or a toast (browser) says how many and opens the list "A traiter".
   */
  'applications.arrived': z.object({ count: z.number().int().positive() }),
  /**
   * Sent by the Electron shell, not the core: the user clicked the desktop notification of new
   * applications; the window shows the list of this status.
   */
  'applications.open': z.object({ status: applicationStatusSchema }),
};

export type EventName = keyof typeof eventsContract;
export type CoreEvent = {
  [K in EventName]: { type: K; payload: z.output<(typeof eventsContract)[K]> };
}[EventName];
