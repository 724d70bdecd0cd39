import { build } from 'vite';
import path from 'node:path';
import { repoRoot } from './paths';

/** `vite build` of the renderer into dist/renderer. */
export async function buildRenderer(): Promise<void> {
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
}
