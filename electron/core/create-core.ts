import type { AxiosAdapter } from 'axios';
import type { Handlers } from '../../shared/ipc/contract';
import { createDispatcher, type Invoke, type Logger } from './dispatch';
import { EventHub } from './events';
import { authHandlers } from './handlers/auth';
import { companiesHandlers } from './handlers/companies';
import type { HandlerContext } from './handlers/context';
import { sessionHandlers } from './handlers/session';
import { structureHandlers } from './handlers/structure';
import { accountHandlers } from './handlers/account';
import { applicationsHandlers } from './handlers/applications';
import { membersHandlers } from './handlers/members';
import { employersHandlers } from './handlers/employers';
import { offersHandlers } from './handlers/offers';
import { referentialsHandlers } from './handlers/referentials';
import { syncHandlers } from './handlers/sync';
import { PlatformClient } from './platform/client';
import { ConnectivityMonitor } from './platform/connectivity';
import type { SecretStore } from './secrets';
import {
  REFRESH_TOKEN_SECRET,
  SessionManager,
  type ReferentialTuning,
  type SyncTuning,
} from './session/session-manager';
import type { SettingsStore } from './settings';

export interface CoreOptions {
  /** Where local databases live (one per account). */
  dataDir: string;
  /** The platform's base URL, e.g. http://127.0.0.1:4010. */
  platformUrl: string;
  secrets: SecretStore;
  settings: SettingsStore;
  /** Electron's network stack; plain Node uses axios's default adapter. */
  httpAdapter?: AxiosAdapter;
  /** How often to check whether the platform answers (ms). */
  connectivityIntervalMs?: number;
  requestTimeoutMs?: number;
  /** better-sqlite3 compiled for Electron, when it is not the one in node_modules (see `npm start`). */
  sqliteNativeBinding?: string;
  /** Sync timings (and crash-test hooks). */
  sync?: SyncTuning;
  /** How the referentials are kept (sync fault tests switch their downloads off). */
  referentials?: ReferentialTuning;
  logger?: Logger;
}

export interface Core {
  handlers: Handlers;
  /** Validates, runs, answers an envelope: what IPC and the web host call. */
  invoke: Invoke;
  events: EventHub;
  close(): Promise<void>;
}

/** Everything the main process does that is not Electron; runs in Electron and in plain Node. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const logger: Logger = options.logger ?? { error: (message, error) => console.error(message, error) };
  const events = new EventHub();
  const connectivity = new ConnectivityMonitor((state) => {
    events.emit({ type: 'connectivity.changed', payload: state });
    if (state.state === 'online') sessions.onReconnect();
  });
  const client = new PlatformClient({
    baseUrl: options.platformUrl,
    ...(options.httpAdapter ? { adapter: options.httpAdapter } : {}),
    ...(options.requestTimeoutMs ? { timeoutMs: options.requestTimeoutMs } : {}),
    onReachability: (reachable) => connectivity.report(reachable),
    onRefreshToken: async (token) => {
      if (token) await options.secrets.set(REFRESH_TOKEN_SECRET, token);
      else {
        await options.secrets.delete(REFRESH_TOKEN_SECRET);
        sessions.markReauthRequired();
      }
    },
  });
  const sessions = new SessionManager({
    dataDir: options.dataDir,
    secrets: options.secrets,
    settings: options.settings,
    client,
    events,
    logger,
    ...(options.sync ? { sync: options.sync } : {}),
    ...(options.referentials ? { referentials: options.referentials } : {}),
    ...(options.sqliteNativeBinding ? { sqliteNativeBinding: options.sqliteNativeBinding } : {}),
  });
  await sessions.restore();

  const ctx: HandlerContext = { client, sessions, connectivity, events };
  const handlers: Handlers = {
    ...sessionHandlers(ctx),
    ...authHandlers(ctx),
    ...companiesHandlers(ctx),
    ...structureHandlers(ctx),
    ...accountHandlers(ctx),
    ...membersHandlers(ctx),
    ...referentialsHandlers(ctx),
    ...employersHandlers(ctx),
    ...offersHandlers(ctx),
    ...applicationsHandlers(ctx),
    ...syncHandlers(ctx),
  };

  connectivity.start(() => client.health(), options.connectivityIntervalMs ?? 30_000);

  return {
    handlers,
    invoke: createDispatcher(handlers, logger),
    events,
    async close() {
      connectivity.stop();
      await sessions.dispose();
    },
  };
}
