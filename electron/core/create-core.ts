import type { AxiosAdapter } from 'axios';
import type { Handlers } from '../../shared/ipc/contract';
import { DEFAULT_UPDATE_URL } from '../../shared/domain/config';
import { ConfigService } from './config/config-service';
import { ProxyLoginBroker } from './config/proxy-login';
import { createDispatcher, type Invoke, type Logger } from './dispatch';
import { EventHub } from './events';
import { appHandlers, type AppInfo } from './handlers/app';
import { authHandlers } from './handlers/auth';
import { companiesHandlers } from './handlers/companies';
import { configHandlers } from './handlers/config';
import type { HandlerContext } from './handlers/context';
import { sessionHandlers } from './handlers/session';
import { structureHandlers } from './handlers/structure';
import { accountHandlers } from './handlers/account';
import { applicationsHandlers } from './handlers/applications';
import { membersHandlers } from './handlers/members';
import { employersHandlers } from './handlers/employers';
import { offersHandlers } from './handlers/offers';
import { profilesHandlers } from './handlers/profiles';
import { favoritesHandlers } from './handlers/favorites';
import { contactsHandlers } from './handlers/contacts';
import { alertsHandlers } from './handlers/alerts';
import { dashboardHandlers } from './handlers/dashboard';
import { searchHandlers } from './handlers/search';
import { referentialsHandlers } from './handlers/referentials';
import { syncHandlers } from './handlers/sync';
import { updatesHandlers } from './handlers/updates';
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
import { UpdateController, type UpdateDriver } from './updates/controller';

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
  /** What time it is for the handlers (tests and the web host's --now move it). */
  clock?: () => Date;
  /**
   * « Paramètres » as the desktop read them at start (central file, user settings, defaults);
   * without it (web host) only the user's settings, over `platformUrl`.
   */
  config?: ConfigService;
  /** The desktop's updater (electron-updater); without it the update channels answer « non disponible ». */
  updateDriver?: UpdateDriver;
  /** Shown in "À propos"; the version defaults to the web host's (plain Node) placeholder. */
  appInfo?: AppInfo;
}

export interface Core {
  handlers: Handlers;
  /** Validates, runs, answers an envelope: what IPC and the web host call. */
  invoke: Invoke;
  events: EventHub;
  /** « Paramètres » (the desktop applies proxy changes it announces). */
  config: ConfigService;
  /** Electron's `login` event asks it for proxy credentials. */
  proxyLogin: ProxyLoginBroker;
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

  const ctx: HandlerContext = {
    client,
    sessions,
    connectivity,
    events,
    clock: options.clock ?? (() => new Date()),
  };
  const config =
    options.config ??
    new ConfigService(
      {
        centralPath: null,
        central: { status: 'absent' },
        defaults: {
          platformUrl: options.platformUrl,
          proxy: 'system',
          updateUrl: DEFAULT_UPDATE_URL,
          updateChannel: 'latest',
        },
      },
      options.settings,
      options.platformUrl,
    );
  const proxyLogin = new ProxyLoginBroker((payload) => events.emit({ type: 'proxy.loginRequired', payload }));
  config.subscribe(() => proxyLogin.reset());
  const updates = options.updateDriver
    ? createUpdateController(options.updateDriver, config, ctx, logger)
    : null;
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
    ...applicationsHandlers(ctx, ctx.clock),
    ...profilesHandlers(ctx, ctx.clock),
    ...favoritesHandlers(ctx, ctx.clock),
    ...contactsHandlers(ctx, ctx.clock),
    ...alertsHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...searchHandlers(ctx),
    ...syncHandlers(ctx),
    ...configHandlers(config, proxyLogin),
    ...updatesHandlers(updates, () => config.values().updateChannel),
    ...appHandlers({
      ...(options.appInfo ?? { version: 'développement', electron: false }),
      platformUrl: options.platformUrl,
      dataDir: options.dataDir,
    }),
  };

  connectivity.start(() => client.health(), options.connectivityIntervalMs ?? 30_000);
  updates?.start();

  return {
    handlers,
    // A damaged or read-only local database answers `database` with what to do, not `internal`.
    invoke: createDispatcher(handlers, logger, (error) => sessions.databaseFailure(error)),
    events,
    config,
    proxyLogin,
    async close() {
      connectivity.stop();
      updates?.stop();
      await sessions.dispose();
    },
  };
}

/** Updates follow the settings' feed, wait for the outbox, and re-decide when sync or network change. */
function createUpdateController(
  driver: UpdateDriver,
  config: ConfigService,
  ctx: HandlerContext,
  logger: Logger,
): UpdateController {
  const controller = new UpdateController({
    driver,
    feed: () => {
      const { updateUrl, updateChannel } = config.values();
      return { url: updateUrl, channel: updateChannel };
    },
    syncStatus: async () => {
      try {
        const status = await ctx.sessions.requireAccount().sync.status();
        return { running: status.running, pending: status.pending };
      } catch {
        return null;
      }
    },
    syncNow: () => ctx.sessions.requireAccount().sync.syncNow(),
    online: () => {
      const { state } = ctx.connectivity.current();
      return state === 'unknown' ? null : state === 'online';
    },
    onStatus: (payload) => ctx.events.emit({ type: 'update.status', payload }),
    logError: (message, error) => logger.error(message, error),
  });
  ctx.events.subscribe((event) => {
    if (event.type === 'sync.status' && !event.payload.running) void controller.evaluate();
    if (event.type === 'connectivity.changed') void controller.evaluate();
  });
  return controller;
}
