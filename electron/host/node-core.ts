import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core/create-core';
import { FileSecretStore, plainCodec } from '../core/secrets';
import { createNodeSettings } from '../core/settings';

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

/** The web host runs from the sources: the version is the one of package.json. */
function packageVersion(): string {
  const file = path.join(import.meta.dirname, '..', '..', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
