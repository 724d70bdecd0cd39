import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core/create-core';
import { FileSecretStore, plainCodec } from '../core/secrets';
import { createNodeSettings } from '../core/settings';
import type { CoreConnection } from '../core/worker/core-client';
import type { SyncTuning } from '../core/session/session-manager';
import type { RemoteCoreOptions } from '../core/worker/protocol';
import { startWorkerCore } from '../core/worker/worker-core';

/**
 * The core in plain Node: settings through conf (electron-store's file format), secrets in a
 * file only its owner can read. Electron encrypts the same secrets with safeStorage instead.
 */
export function createNodeCore(
  options: { dataDir: string; platformUrl: string } & Partial<Omit<CoreOptions, 'dataDir' | 'platformUrl'>>,
): Promise<Core> {
  return createCore({
    settings: createNodeSettings(options.dataDir),
    secrets: new FileSecretStore(path.join(options.dataDir, 'secrets.json'), plainCodec),
    appInfo: { version: packageVersion(), electron: false },
    ...options,
  });
}

/**
 * The web host's core: in a worker thread by default, so that a long first sync (SQLite
 * transactions of whole pages) does not hold the HTTP server; `inProcess` keeps it in this thread.
 */
export async function startNodeCore(
  options: RemoteCoreOptions & { inProcess?: boolean },
): Promise<CoreConnection> {
  const { inProcess, ...remote } = options;
  const withVersion = { appInfo: { version: packageVersion(), electron: false }, ...remote };
  if (!inProcess) return startWorkerCore(withVersion);
  const offset = remote.clockOffsetMs;
  return createNodeCore({
    ...withVersion,
    ...(remote.sync ? { sync: remote.sync as SyncTuning } : {}),
    ...(offset === undefined ? {} : { clock: () => new Date(Date.now() + offset) }),
  });
}

/** The web host runs from the sources: the version is the one of package.json. */
export function packageVersion(): string {
  const file = path.join(import.meta.dirname, '..', '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
