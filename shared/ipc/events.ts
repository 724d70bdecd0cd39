import { z } from '../zod';
import { applicationStatusSchema } from '../domain/applications';
import { connectivitySchema, sessionSchema } from '../domain/session';
import { syncStatusSchema } from '../domain/sync';
import { proxyLoginRequestSchema } from '../domain/proxy-login';
import { updateStatusSchema } from '../domain/updates';

/** What the native menus ask of the window (navigation, or an action only the renderer can confirm). */
export const shellCommandSchema = z.enum([
  'sync.now',
  'open.conflicts',
  'open.refused',
  'open.resources',
  'open.shortcuts',
  'open.about',
  'signOut',
]);
export type ShellCommand = z.infer<typeof shellCommandSchema>;

/** Events the core pushes to the renderer (IPC messages in Electron, one SSE stream on the web host). */
export const eventsContract = {
  'session.changed': sessionSchema,
  'connectivity.changed': connectivitySchema,
  /** The desktop updater's state: « Une mise à jour est prête » when `prompt` is set. */
  'update.status': updateStatusSchema,
  /** Electron only: the proxy wants credentials; answered on the channel proxy.login. */
  'proxy.loginRequired': proxyLoginRequestSchema,
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
  /** Sent by the Electron shell, not the core: a native menu entry the window carries out. */
  'shell.command': z.object({ command: shellCommandSchema }),
  /**
   * Sent by the web transport, not the core: its event stream was cut and is back, so events
   * may have been missed meanwhile and every query is read again.
   */
  'events.resumed': z.object({}),
};

export type EventName = keyof typeof eventsContract;
export type CoreEvent = {
  [K in EventName]: { type: K; payload: z.output<(typeof eventsContract)[K]> };
}[EventName];
