import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

/**
 * better-sqlite3 compiled for Electron, in a copy of its own under node_modules/.cache, so the
 * copy in node_modules stays compiled for Node (tests, web host) while `npm start` runs Electron.
 * Packaged apps do not need this: electron-builder rebuilds the packaged copy for Electron.
 */
export async function electronSqliteBinding(electronVersion: string): Promise<string> {
  const target = path.join(repoRoot, 'node_modules', '.cache', 'electron-sqlite', electronVersion);
  const moduleDir = path.join(target, 'node_modules', 'better-sqlite3');
  const binding = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  const source = path.join(repoRoot, 'node_modules', 'better-sqlite3');
  const version = (JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string })
    .version;
  mkdirSync(target, { recursive: true });
  cpSync(source, moduleDir, {
    recursive: true,
    filter: (file) => !file.includes(`${path.sep}build${path.sep}`),
  });
  writeFileSync(
    path.join(target, 'package.json'),
    JSON.stringify({ name: 'electron-sqlite', private: true, dependencies: { 'better-sqlite3': version } }),
  );
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: target, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  if (!existsSync(binding))
    throw new Error(`better-sqlite3 n’a pas été compilé pour Electron ${electronVersion}.`);
  return binding;
}
