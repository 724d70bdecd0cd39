import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { PlatformClient } from '../electron/core/platform/client';
import { DEMO_REFERENT } from '../platform/seed/demo';
import { startNodeProcess } from '../scripts/processes';
import { repoRoot } from '../scripts/paths';
import { measureBootstrap } from './bootstrap';

// `npx tsx bench/bootstrap-run.ts [--members N --employers N --offers N --applications N]`: the
// first sync alone (measureBootstrap) against a platform seeded as bench/sync.ts seeds it, at a
// scale of one's choosing (the default is small: about 24,000 rows and their profiles), `--batch N`
// rows per transaction (the bootstrap's default otherwise). `--save FILE`: the snapshot saved to
// FILE instead, for bench/bootstrap-file.ts (the desktop's CPU alone, no platform running).

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1000' },
    employers: { type: 'string', default: '200' },
    offers: { type: 'string', default: '2000' },
    applications: { type: 'string', default: '20000' },
    batch: { type: 'string' },
    save: { type: 'string' },
  },
});

/** The platform's snapshot saved as it comes (and the signed-in user next to it), for bench/bootstrap-file.ts. */
async function saveSnapshot(platformUrl: string, file: string): Promise<void> {
  const client = new PlatformClient({ baseUrl: platformUrl, timeoutMs: 600_000 });
  const user = await client.login(DEMO_REFERENT.mail, DEMO_REFERENT.password);
  const answer = await client.exchangeStream({
    method: 'GET',
    path: '/sync/snapshot',
    params: { after: 0 },
    auth: true,
    timeoutMs: 600_000,
  });
  if (answer.kind !== 'ok') throw new Error(`instantané : ${answer.kind}`);
  await pipeline(Readable.from(answer.body), createWriteStream(file));
  writeFileSync(`${file}.user.json`, JSON.stringify(user));
}

const root = mkdtempSync(path.join(os.tmpdir(), 'bench-bootstrap-run-'));
const platformDir = path.join(root, 'platform');
try {
  const counts = [values.members!, values.employers!, values.offers!, values.applications!];
  // Seeded in a process of its own, as bench/sync.ts does: its memory is not the desktop's.
  const seeding = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'bench', 'seed-platform.ts'), platformDir, ...counts],
    { stdio: 'inherit' },
  );
  if (seeding.status !== 0) throw new Error('préparation de la plateforme impossible');
  const platform = await startNodeProcess('platform/cli.ts', ['--port', '0', '--data', platformDir]);
  try {
    if (values.save) {
      await saveSnapshot(platform.url, values.save);
      console.log(`Instantané enregistré dans ${values.save}.`);
    } else {
      const measure = await measureBootstrap(
        platform.url,
        values.batch === undefined ? {} : { batchSize: Number(values.batch) },
      );
      console.log(JSON.stringify({ scale: counts.join('/'), ...measure }, null, 2));
    }
  } finally {
    await platform.stop();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
