import type { LogMessage, MainLogger } from 'electron-log';
import type { Logger as UpdaterLogger } from 'electron-updater';

/** The label of the window's lines in the log file: `[error] (fenêtre) Uncaught TypeError: …`. */
export const RENDERER_SCOPE = 'fenêtre';

export function labelRendererLines(message: LogMessage): LogMessage {
  return message.variables?.processType === 'renderer' && !message.scope
    ? { ...message, scope: RENDERER_SCOPE }
    : message;
}

/**
 * Everything worth reading when IT looks into a problem goes to the one log file, through the
 * hooks that mask secrets:
 * - the window's console, and its uncaught errors and rejections, which Chromium reports there
 *   (electron-log listens to each web contents' `console-message` in the main process:
 *   `preload: false` adds no script to the sandboxed, isolated windows);
 * - electron-updater's own lines (feed, download, signature checks).
 * The main process's uncaught errors are already logged, with a crash report, by
 * installCrashReporting(): electron-log's errorHandler would log them twice and show an
 * English dialog.
 */
export function captureLogs(
  log: Pick<MainLogger, 'initialize' | 'hooks'> & UpdaterLogger,
  updater: { logger: UpdaterLogger | null },
): void {
  log.hooks.push(labelRendererLines);
  log.initialize({ preload: false, spyRendererConsole: true });
  updater.logger = log;
}
