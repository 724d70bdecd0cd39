import { existsSync } from 'node:fs';
import path from 'node:path';
import { ELECTRON_MISSING, findElectronBinary } from '../scripts/electron-binary';
import { repoRoot } from '../scripts/processes';

export default function globalSetup(): void {
  if (!existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) {
    throw new Error('Le renderer n’est pas construit : lancez « npm run build » avant les tests e2e.');
  }
  if (!findElectronBinary()) console.log(`[e2e] projet « electron » ignoré — ${ELECTRON_MISSING}`);
}
