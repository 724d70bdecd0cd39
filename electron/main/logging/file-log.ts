import path from 'node:path';
import type { NodeLogger } from 'electron-log';
import { redact } from '../../core/logging/redact';
import type { Logger } from '../../core/dispatch';

/** One current file and one `main.old.log`: about 10 MB at most for IT to collect. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_FILE_NAME = 'main.log';

/**
 * Points electron-log's file transport at the app's logs folder, rotating at `maxBytes`
 * (electron-log moves the full file to main.old.log, replacing the previous one), and masks
 * secrets in every line before any transport writes it.
 */
export function configureFileLog(
  log: Pick<NodeLogger, 'transports' | 'hooks'>,
  logsDir: string,
  maxBytes = LOG_MAX_BYTES,
): void {
  log.transports.file.resolvePathFn = () => path.join(logsDir, LOG_FILE_NAME);
  log.transports.file.maxSize = maxBytes;
  log.transports.file.level = 'info';
  log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redact(item)) }));
}

/** The core's logger (electron/core stays free of Electron: it is given this one). */
export function coreLoggerOf(log: Pick<NodeLogger, 'error' | 'info'>): Logger {
  return {
    error: (message, error) => (error === undefined ? log.error(message) : log.error(message, error)),
    info: (message) => log.info(message),
  };
}
