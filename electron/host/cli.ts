import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNodeCore } from './node-core';
import { startHost } from './server';
import { shiftedClock } from './shifted-clock';

const usage =
  'Usage : tsx electron/host/cli.ts --platform URL [--port N] [--data DOSSIER] [--now AAAA-MM-JJTHH:MM:SSZ] [--in-process]';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    data: { type: 'string', default: path.join(repoRoot, '.data', 'web') },
    platform: { type: 'string' },
    renderer: { type: 'string', default: path.join(repoRoot, 'dist', 'renderer') },
    // The core's clock starts at this instant and runs on (tests of what is due after N days).
    now: { type: 'string' },
    // The core in this thread rather than a worker (debugging with breakpoints in the core).
    'in-process': { type: 'boolean', default: false },
  },
});

if (!values.platform) {
  console.error(`--platform est obligatoire.\n${usage}`);
  process.exit(2);
}

const clock = values.now === undefined ? undefined : shiftedClock(values.now);
if (clock === null) {
  console.error(
    `--now doit être une date et une heure ISO 8601 (par exemple 2026-12-07T09:00:00Z).\n${usage}`,
  );
  process.exit(2);
}
// Only numbers cross to the worker: the clock goes as its offset from the real one.
const core = await startNodeCore({
  dataDir: path.resolve(values.data),
  platformUrl: values.platform,
  inProcess: values['in-process'],
  ...(clock ? { clockOffsetMs: clock().getTime() - Date.now() } : {}),
});
const host = await startHost({ core, rendererDir: path.resolve(values.renderer), port: Number(values.port) });
console.log(`listening on ${host.origin}`);
console.log(`Ouvrez ${host.url} dans votre navigateur.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void host
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  });
}
