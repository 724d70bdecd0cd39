import path from 'node:path';
import type { CoreOptions } from '../create-core';
import { FileSecretStore, plainCodec, type SecretStore } from '../secrets';
import { createNodeSettings } from '../settings';
import type { SyncTuning } from '../session/session-manager';
import type { RemoteCoreOptions } from './protocol';

/**
 * The core's options rebuilt on its side from what could cross: settings through conf, and
 * secrets in a plain file unless the host provides them (Electron encrypts with safeStorage).
 */
export function coreOptionsFrom(options: RemoteCoreOptions, secrets?: SecretStore): CoreOptions {
  const offset = options.clockOffsetMs;
  return {
    dataDir: options.dataDir,
    platformUrl: options.platformUrl,
    settings: createNodeSettings(options.dataDir),
    secrets: secrets ?? new FileSecretStore(path.join(options.dataDir, 'secrets.json'), plainCodec),
    ...(offset === undefined ? {} : { clock: () => new Date(Date.now() + offset) }),
    ...(options.connectivityIntervalMs ? { connectivityIntervalMs: options.connectivityIntervalMs } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    ...(options.sqliteNativeBinding ? { sqliteNativeBinding: options.sqliteNativeBinding } : {}),
    ...(options.sync ? { sync: options.sync as SyncTuning } : {}),
    ...(options.referentials ? { referentials: options.referentials } : {}),
    ...(options.appInfo ? { appInfo: options.appInfo } : {}),
  };
}
