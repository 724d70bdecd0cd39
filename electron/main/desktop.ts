import {
  app,
  crashReporter,
  dialog,
  Menu,
  screen,
  shell,
  type BrowserWindow,
  type BrowserWindowConstructorOptions,
} from 'electron';
import log from 'electron-log/main';
import os from 'node:os';
import path from 'node:path';
import { IPC_EVENT_CHANNEL } from '../../shared/ipc/bridge';
import type { CoreEvent, ShellCommand } from '../../shared/ipc/events';
import type { Logger } from '../core/dispatch';
import { readSetting, type SettingsStore } from '../core/settings';
import {
  crashNotice,
  crashNoticeMessage,
  crashReport,
  readCrashReports,
  writeCrashReport,
  type CrashCause,
} from './crash-reports';
import { captureLogs } from './logging/capture';
import { configureFileLog, coreLoggerOf } from './logging/file-log';
import { menuTemplate } from './menu-template';
import { autoUpdater } from './updater';
import { externalTarget } from './security/navigation';
import { boundsToSave, windowPlacement, type SizeLimits } from './window-bounds';

// The Electron glue of the desktop conventions; the decisions are in the pure modules it calls.

/**
 * The logs folder: the OS's place, or beside the data when a data folder is given (tests).
 * The window's console and errors and the updater's lines are written there too.
 */
export function setUpLogging(userDataDir: string | undefined): Logger {
  if (userDataDir) app.setAppLogsPath(path.join(userDataDir, 'logs'));
  configureFileLog(log, app.getPath('logs'));
  captureLogs(log, autoUpdater);
  return coreLoggerOf(log);
}

function crashReportsDir(): string {
  return path.join(app.getPath('userData'), 'crash-reports');
}

function recordCrash(cause: CrashCause): void {
  try {
    const report = crashReport(cause, {
      version: app.getVersion(),
      now: new Date(),
      platform: process.platform,
      arch: process.arch,
      home: os.homedir(),
    });
    const file = writeCrashReport(crashReportsDir(), report);
    log.error(`Incident (${cause.kind}) : rapport ${file}`, cause.error ?? cause.reason);
  } catch (error) {
    log.error('Rapport d’incident impossible à écrire', error);
  }
}

/** Exceptions and gone processes leave a local report (never sent anywhere). */
export function installCrashReporting(): void {
  // Native crashes (minidumps) stay in app.getPath('crashDumps'): nothing is uploaded.
  crashReporter.start({ uploadToServer: false });
  process.on('uncaughtException', (error) => recordCrash({ kind: 'uncaughtException', error }));
  process.on('unhandledRejection', (error) => recordCrash({ kind: 'unhandledRejection', error }));
  app.on('render-process-gone', (_event, _contents, details) => {
    if (details.reason !== 'clean-exit') recordCrash({ kind: 'render-process-gone', reason: details.reason });
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit')
      recordCrash({ kind: 'child-process-gone', reason: details.reason, process: details.type });
  });
}

/** At start: reports the user was not told about yet → offer to open their folder, once. */
export async function offerCrashReports(settings: SettingsStore): Promise<void> {
  const notice = crashNotice(
    readCrashReports(crashReportsDir()),
    readSetting(settings, 'crashReportsAcknowledgedAt'),
  );
  if (!notice) return;
  settings.set('crashReportsAcknowledgedAt', notice.newest);
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    ...crashNoticeMessage(notice),
    buttons: ['Ouvrir le dossier des rapports', 'Fermer'],
    defaultId: 1,
    cancelId: 1,
  });
  if (response === 0) await shell.openPath(crashReportsDir());
}

/** The native menus; rebuilt when the session changes (entries that need an account). */
export function installMenu(window: () => BrowserWindow | null, signedIn: boolean): void {
  const send = (command: ShellCommand) => {
    const event: CoreEvent = { type: 'shell.command', payload: { command } };
    window()?.webContents.send(IPC_EVENT_CHANNEL, event);
  };
  const template = menuTemplate(
    { platform: process.platform, development: !app.isPackaged, appName: app.getName(), signedIn },
    { command: send, openLogsFolder: () => void shell.openPath(app.getPath('logs')) },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Window options for the remembered place (or the default size), checked against today's screens. */
export function placementOptions(
  settings: SettingsStore,
  limits: SizeLimits,
): { options: Pick<BrowserWindowConstructorOptions, 'x' | 'y' | 'width' | 'height'>; maximized: boolean } {
  const placement = windowPlacement(
    settings.get('windowBounds'),
    screen.getAllDisplays().map((display) => display.workArea),
    limits,
  );
  return placement.kind === 'remembered'
    ? { options: placement.bounds, maximized: placement.maximized }
    : { options: { width: placement.width, height: placement.height }, maximized: placement.maximized };
}

export function rememberBounds(window: BrowserWindow, settings: SettingsStore): void {
  window.on('close', () => {
    settings.set('windowBounds', boundsToSave(window.getNormalBounds(), window.isMaximized()));
  });
}

/** Allow-listed https links open in the system browser; nothing else leaves the window. */
export function openAllowedExternally(url: string): void {
  const target = externalTarget(url);
  if (target) void shell.openExternal(target);
  else log.info(`Lien externe refusé : ${url.slice(0, 200)}`);
}
