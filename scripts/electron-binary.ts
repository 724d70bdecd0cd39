import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron executable if it is installed, else null. Reads what the electron package's
 * installer leaves behind instead of `require('electron')`, which since Electron 42 starts
 * a download on first use (impossible on our machines, where GitHub is unreachable).
 */
export function findElectronBinary(): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const executable = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : path.join(packageDir, 'dist', relative);
  return existsSync(executable) ? executable : null;
}

/** The Electron executable, fetched once (quietly, through ELECTRON_MIRROR if set) when it is not installed yet. */
export function ensureElectronBinary(): string | null {
  const found = findElectronBinary();
  if (found) return found;
  // Since Electron 42 the binary is fetched on first use; try once.
  let installer: string;
  try {
    installer = createRequire(import.meta.url).resolve('electron/install.js');
  } catch {
    return null;
  }
  spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 10 * 60_000 });
  return findElectronBinary();
}

/** The version of the electron package installed (what native modules must be built for). */
export function electronVersion(): string {
  const manifest = createRequire(import.meta.url).resolve('electron/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export const ELECTRON_MISSING =
  'Binaire Electron absent (il se télécharge depuis GitHub, injoignable ici) : utilisez « npm run start:web » pour ouvrir l’application dans un navigateur.';
