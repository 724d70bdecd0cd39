import { build } from 'vite';
import path from 'node:path';
import { generateIcons } from './icons';
import { repoRoot } from './paths';

/** `vite build` of the renderer into dist/renderer, after the icons (the favicon is in it). */
export async function buildRenderer(): Promise<void> {
  generateIcons();
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
}
