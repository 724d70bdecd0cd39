import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEMO_PLATFORM_URL, listenOnDemoPort } from '../platform/demo-port';
import { DEMO_REFERENT } from '../platform/seed/demo';
import { DEMO_CANDIDATE } from '../platform/seed/demo-candidates';
import { createPlatform } from '../platform/server';
import { buildElectron } from './build-electron';
import { buildRenderer } from './build-renderer';
import { ELECTRON_MISSING, electronVersion, ensureElectronBinary } from './electron-binary';
import { electronSqliteBinding } from './electron-sqlite';
import { repoRoot } from './paths';

// `npm start`: the reference platform with demo data (on DEMO_PLATFORM_PORT when free), and the Electron app on it.
const electron = ensureElectronBinary();
if (!electron) {
  console.error(ELECTRON_MISSING);
  process.exit(1);
}

let sqliteBinding: string;
try {
  sqliteBinding = await electronSqliteBinding(electronVersion());
} catch (error) {
  console.error(
    `Compilation de better-sqlite3 pour Electron impossible (${(error as Error).message}) : utilisez « npm run start:web ».`,
  );
  process.exit(1);
}

await buildRenderer();
await buildElectron();

const dataDir = path.join(repoRoot, '.data', 'electron');
const platform = await createPlatform({ dataDir: path.join(dataDir, 'platform'), seed: 'demo' });
const platformUrl = await listenOnDemoPort(platform);
console.log(`Plateforme de référence (démo) : ${platformUrl}`);
console.log(`Compte de démonstration : ${DEMO_REFERENT.mail} / ${DEMO_REFERENT.password}`);
console.log(
  `Candidat de démonstration : ${DEMO_CANDIDATE.mail} / ${DEMO_CANDIDATE.password} (npm run platform:candidate -- --help${platformUrl === DEMO_PLATFORM_URL ? '' : ` --platform ${platformUrl}`})`,
);

const app = spawn(
  electron,
  [
    path.join(repoRoot, 'dist-electron', 'main.js'),
    `--platform-url=${platformUrl}`,
    `--user-data-dir=${path.join(dataDir, 'desktop')}`,
  ],
  { stdio: 'inherit', env: { ...process.env, BETTER_SQLITE3_ELECTRON_BINDING: sqliteBinding } },
);
app.on('exit', (code) => {
  void platform.close().then(() => process.exit(code ?? 0));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.kill(signal));
