import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildElectron } from './build-electron';
import { buildRenderer } from './build-renderer';
import { ensureElectronBinary } from './electron-binary';
import { planDist } from './packaging/dist-plan';
import { repoRoot } from './paths';

// `npm run dist [-- win|mac|linux]`: build, then the installers of one OS into release/.
const plan = planDist({
  arg: process.argv[2],
  hostPlatform: process.platform,
  electronBinary: ensureElectronBinary(),
  env: process.env,
});
if (!plan.ok) {
  console.error(plan.message);
  process.exit(1);
}
for (const notice of plan.notices) console.log(notice);

await buildRenderer();
await buildElectron();

// The CLI through node itself: no .cmd shim to resolve on Windows.
const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
const builder = spawn(process.execPath, [cli, ...plan.builderArgs], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, ...plan.env },
});
builder.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
