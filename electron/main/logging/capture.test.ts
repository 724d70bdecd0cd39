import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { MainLogger } from 'electron-log';
import log from 'electron-log/node';
import { afterAll, describe, expect, it } from 'vitest';
import { captureLogs, labelRendererLines, RENDERER_SCOPE } from './capture';
import { configureFileLog, LOG_FILE_NAME } from './file-log';

// electron-log's main-process initialize(), run with a stand-in for Electron: it subscribes to
// every web contents' console-message, which this test then emits as Electron 45 does
// (the details event first, then the level 0–3 and the message).
// Loading it loads electron-log's preload, which requires 'electron': outside Electron that
// module downloads the Electron binary, so a stand-in takes its place in the require cache.
type ConsoleListener = (event: object, level: number, message: string) => void;
const require = createRequire(import.meta.url);
const electronPath = require.resolve('electron');
require.cache[electronPath] = Object.assign(new Module(electronPath), { loaded: true, exports: {} });
const { initialize } = require('electron-log/src/main/initialize.js') as {
  initialize: (options: object) => void;
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'journaux-capture-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  delete require.cache[electronPath];
});

function mainLogger() {
  const logger = log.create({ logId: `capture-${Date.now()}` });
  logger.transports.console.level = false;
  configureFileLog(logger, dir);
  const listeners: ConsoleListener[] = [];
  const externalApi = {
    onAppReady: (ready: () => void) => ready(),
    onEveryWebContentsEvent: (name: string, listener: ConsoleListener) => {
      if (name === 'console-message') listeners.push(listener);
    },
    setPreloadFileForSessions: () => {
      throw new Error('no preload expected');
    },
  };
  const calls: unknown[] = [];
  const main = Object.assign(logger, {
    initialize: (options: object) => {
      calls.push(options);
      initialize({ logger, externalApi, ...options });
    },
  }) as unknown as MainLogger;
  return { main, listeners, calls, file: path.join(dir, LOG_FILE_NAME) };
}

describe('the logs captured beside the main process', () => {
  it('take the window’s console and errors, labelled and with secrets masked, and the updater', () => {
    const { main, listeners, calls, file } = mainLogger();
    const updater: { logger: unknown } = { logger: null };
    captureLogs(main, updater as { logger: null });

    expect(calls).toEqual([{ preload: false, spyRendererConsole: true }]);
    expect(updater.logger).toBe(main);
    expect(listeners).toHaveLength(1);

    const details = { level: 'error', message: '' };
    listeners[0]!(details, 3, 'Uncaught TypeError: échec GET /?token=s3cr3t&onglet=2');
    listeners[0]!(details, 1, 'connexion {"mail":"lea@exemple.fr","motDePasse":"Apprenti-33!"}');
    listeners[0]!(details, 0, 'détail ignoré (niveau debug, sous le seuil du fichier)');
    main.info('Checking for update: Authorization: Bearer eyJa.eyJb.c');

    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\[error\] \(fenêtre\) Uncaught TypeError: échec GET \/\?token=\[masqué\]&onglet=2/);
    expect(text).toMatch(
      /\[info\] +\(fenêtre\) connexion \{"mail":"lea@exemple.fr","motDePasse":"\[masqué\]"\}/,
    );
    expect(text).toMatch(/\[info\] +Checking for update: Authorization: Bearer \[masqué\]/);
    expect(text).not.toMatch(/s3cr3t|Apprenti|eyJa|détail ignoré/);
  });

  it('labels only the window’s lines, and keeps a scope already given', () => {
    const base = { data: ['x'], date: new Date(), level: 'info' as const };
    expect(labelRendererLines({ ...base, variables: { processType: 'renderer' } }).scope).toBe(
      RENDERER_SCOPE,
    );
    expect(labelRendererLines({ ...base, variables: { processType: 'browser' } }).scope).toBeUndefined();
    expect(labelRendererLines({ ...base, scope: 'sync', variables: { processType: 'renderer' } }).scope).toBe(
      'sync',
    );
  });
});
