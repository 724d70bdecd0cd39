import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  net,
  Notification,
  protocol,
  safeStorage,
  session,
} from 'electron';
import { writeFile } from 'atomically';
import ElectronStore from 'electron-store';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_EVENT_CHANNEL } from '../../shared/ipc/bridge';
import { createCore, type Core } from '../core/create-core';
import { FileSecretStore, MemorySecretStore, type SecretStore } from '../core/secrets';
import { securityHeaders } from '../core/security/csp';
import { SETTINGS_FILE_NAME, type Settings, type SettingsStore } from '../core/settings';
import { applyTheme } from './appearance';
import { BadgeKeeper, badgeCountOf, OPEN_TO_PROCESS, reactionTo, type Notice } from './applications-notice';
import {
  installCrashReporting,
  installMenu,
  offerCrashReports,
  openAllowedExternally,
  placementOptions,
  rememberBounds,
  setUpLogging,
} from './desktop';
import { DEFAULT_PLATFORM_URL, parseMainArgs } from './args';
import { contextMenuTemplate } from './context-menu';
import { APP_LOCALE, spellCheckerLanguages } from './locale';
import { loadDesktopConfig } from './desktop-config';
import { applyProxy, electronHttpAdapter, handleProxyLogin } from './network';
import { electronUpdateDriver } from './updater';
import { registerCoreChannels } from './ipc';
import { registerPdfChannel } from './pdf';
import { safeStorageCodec } from './secrets';
import { contentTypeOf, resolveRendererFile } from './security/app-protocol';
import { isAllowedNavigation, windowOpenDecision } from './security/navigation';
import { APP_ORIGIN, APP_SCHEME } from './security/origin';
import {
  displayMediaRequestHandler,
  permissionCheckHandler,
  permissionRequestHandler,
} from './security/permissions';
import { MAIN_WINDOW_SIZE, mainWindowOptions, windowIconPath } from './window-options';

// Before anything starts: Chromium's locale decides its own French (native dialogs, dates).
app.commandLine.appendSwitch('lang', APP_LOCALE);
const args = parseMainArgs(process.argv);
if (args.userDataDir) app.setPath('userData', args.userDataDir);
const logger = setUpLogging(args.userDataDir);
installCrashReporting();

const here = import.meta.dirname;
const rendererDir = path.join(here, '..', 'dist', 'renderer');
const preloadPath = path.join(here, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let settings: SettingsStore | null = null;
// Referenced until dealt with: a collected notification no longer reports its click.
const notifications = new Set<Notification>();

function secretStore(): SecretStore {
  // Without an OS keyring (some Linux desktops) the token stays in memory: sign in at each start.
  if (!safeStorage.isEncryptionAvailable()) return new MemorySecretStore();
  return new FileSecretStore(
    path.join(app.getPath('userData'), 'secrets.json'),
    safeStorageCodec(safeStorage),
  );
}

function serveRenderer(request: Request): Promise<Response> | Response {
  const file = resolveRendererFile(request.url, rendererDir);
  if (!file) return new Response('Introuvable', { status: 404 });
  return net.fetch(pathToFileURL(file).toString()).then(
    async (response) =>
      new Response(await response.arrayBuffer(), {
        status: response.status,
        headers: { 'Content-Type': contentTypeOf(file), ...securityHeaders() },
      }),
  );
}

function createWindow(store: SettingsStore): BrowserWindow {
  // Only the geometry comes from the settings file: the secure webPreferences are never overridden.
  const placement = placementOptions(store, MAIN_WINDOW_SIZE);
  const appearance = { icon: windowIconPath(rendererDir), dark: nativeTheme.shouldUseDarkColors };
  const window = new BrowserWindow({ ...mainWindowOptions(preloadPath, appearance), ...placement.options });
  if (placement.maximized) window.maximize();
  rememberBounds(window, store);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(`${APP_ORIGIN}/`);
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** New applications: a click brings the window forward on the list "A traiter". */
function notify(notice: Notice): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification(notice);
  notifications.add(notification);
  notification.on('click', () => {
    notifications.delete(notification);
    focusMainWindow();
    mainWindow?.webContents.send(IPC_EVENT_CHANNEL, OPEN_TO_PROCESS);
  });
  notification.on('close', () => notifications.delete(notification));
  notification.show();
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, serveRenderer);
  session.defaultSession.setPermissionRequestHandler(permissionRequestHandler);
  session.defaultSession.setPermissionCheckHandler(permissionCheckHandler);
  session.defaultSession.setDisplayMediaRequestHandler(displayMediaRequestHandler);
  const languages = spellCheckerLanguages(
    process.platform,
    session.defaultSession.availableSpellCheckerLanguages,
  );
  if (languages.length > 0) session.defaultSession.setSpellCheckerLanguages(languages);
  settings = new ElectronStore<Settings>({ name: SETTINGS_FILE_NAME }) as unknown as SettingsStore;
  const config = await loadDesktopConfig(
    settings,
    args.platformUrl ?? process.env.ALTERNANCE_PLATFORM_URL ?? DEFAULT_PLATFORM_URL,
    (message) => logger.error(message),
  );
  await applyProxy(config.values().proxy);
  applyTheme(nativeTheme, config.values().theme);
  handleProxyLogin(() => core?.proxyLogin ?? null);

  core = await createCore({
    dataDir: app.getPath('userData'),
    platformUrl: config.platformUrlInUse,
    config,
    httpAdapter: electronHttpAdapter,
    updateDriver: electronUpdateDriver(),
    settings,
    logger,
    appInfo: { version: app.getVersion(), electron: true },
    secrets: secretStore(),
    ...(process.env.BETTER_SQLITE3_ELECTRON_BINDING
      ? { sqliteNativeBinding: process.env.BETTER_SQLITE3_ELECTRON_BINDING }
      : {}),
  });
  registerCoreChannels(ipcMain, core.invoke);
  registerPdfChannel(ipcMain, (sender) => ({
    printToPDF: (options) => sender.printToPDF(options),
    showSaveDialog: (options) => {
      const owner = BrowserWindow.fromWebContents(sender);
      return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
    },
    writeFile: (file, data) => writeFile(file, data),
    documentsDir: app.getPath('documents'),
    log: (message, error) => logger.error(message, error),
  }));
  core.config.subscribe((values) => {
    void applyProxy(values.proxy);
    applyTheme(nativeTheme, values.theme);
  });
  const { invoke } = core;
  const badge = new BadgeKeeper(
    async () => badgeCountOf(await invoke('applications.counts')),
    (count) => app.setBadgeCount(count),
  );
  core.events.subscribe((event) => {
    mainWindow?.webContents.send(IPC_EVENT_CHANNEL, event);
    const reaction = reactionTo(event);
    if (reaction.notification) notify(reaction.notification);
    if (reaction.recountBadge) void badge.refresh();
    if (event.type === 'session.changed') installMenu(() => mainWindow, event.payload.status === 'signedIn');
  });
  void badge.refresh();
  const initial = await invoke('session.get');
  installMenu(() => mainWindow, initial.ok && (initial.data as { status: string }).status === 'signedIn');
  mainWindow = createWindow(settings);
  void offerCrashReports(settings);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    openAllowedExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
      copyText: (text) => clipboard.writeText(text),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openAllowedExternally(url);
    return windowOpenDecision();
  });
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void core?.close();
  });
  // A failure anywhere in start() (a database from a newer version, say) ends here, logged.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('Démarrage impossible', error);
      // The user sees why (a French message from the core) rather than an app that never opens.
      dialog.showErrorBox(
        'Démarrage impossible',
        error instanceof Error ? error.message : 'L’application n’a pas pu démarrer.',
      );
      app.exit(1);
    });
}
