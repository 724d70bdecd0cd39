import { build } from 'esbuild';
import path from 'node:path';
import { repoRoot } from './paths';

/** Bundles Electron's main process (ESM) and preload script (CommonJS, as sandboxed preloads must be). */
export async function buildElectron(): Promise<void> {
  const outdir = path.join(repoRoot, 'dist-electron');
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node22',
    sourcemap: true,
    logLevel: 'warning' as const,
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(repoRoot, 'electron/main/index.ts')],
      outfile: path.join(outdir, 'main.js'),
      format: 'esm',
      // Runtime dependencies (better-sqlite3 is native) load from node_modules, inside the asar when packaged.
      packages: 'external',
    }),
    // The core's utility process (electron/main/core-process.ts forks it): same externals as main.
    build({
      ...common,
      entryPoints: [path.join(repoRoot, 'electron/core/worker/process-entry.ts')],
      outfile: path.join(outdir, 'core.js'),
      format: 'esm',
      packages: 'external',
    }),
    build({
      ...common,
      entryPoints: [path.join(repoRoot, 'electron/preload/index.ts')],
      outfile: path.join(outdir, 'preload.cjs'),
      format: 'cjs',
      external: ['electron'],
    }),
  ]);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  await buildElectron();
  console.log('dist-electron/main.js, core.js et preload.cjs construits.');
}
