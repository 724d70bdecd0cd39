import type { EventHub } from '../events';
import type { ConnectivityMonitor } from '../platform/connectivity';
import type { PlatformClient } from '../platform/client';
import type { SessionManager } from '../session/session-manager';

/** What handlers work with. */
export interface HandlerContext {
  client: PlatformClient;
  sessions: SessionManager;
  connectivity: ConnectivityMonitor;
  events: EventHub;
  /** The handlers' notion of now (injected so that delays are tested without waiting). */
  clock: () => Date;
}
