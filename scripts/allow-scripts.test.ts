import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './paths';

// npm 11 skips the install scripts of dependencies package.json#allowScripts does not cover
// (and only says so at the end of the install): better-sqlite3 would then have no native
// build. A dependency that gains an install script must be reviewed, approved or denied.
const readJson = (name: string): unknown => JSON.parse(readFileSync(path.join(repoRoot, name), 'utf8'));

const manifest = readJson('package.json') as { allowScripts?: Record<string, boolean> };
const lock = readJson('package-lock.json') as {
  packages: Record<string, { hasInstallScript?: boolean }>;
};

const withInstallScripts = Object.entries(lock.packages)
  .filter(([, entry]) => entry.hasInstallScript === true)
  .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));

/** A name-only key (`pkg`) or a pinned one (`pkg@1.2.3`, `@scope/pkg@1.2.3`). */
const nameOf = (key: string) => key.slice(0, key.indexOf('@', 1) === -1 ? undefined : key.indexOf('@', 1));

describe('install scripts', () => {
  const covered = new Set(Object.keys(manifest.allowScripts ?? {}).map(nameOf));

  it('of every locked dependency are approved or denied in package.json#allowScripts', () => {
    expect(withInstallScripts.filter((name) => !covered.has(name))).toEqual([]);
  });

  it('of the native and bundling tools the build needs are approved', () => {
    for (const name of ['better-sqlite3', 'esbuild', 'electron-winstaller'])
      expect(manifest.allowScripts?.[name], name).toBe(true);
  });
});
