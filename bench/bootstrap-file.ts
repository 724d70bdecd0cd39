import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openLocalDatabase } from '../electron/core/db/open';
import { runBootstrap } from '../electron/core/sync/bootstrap';
import { syncEntities } from '../electron/core/sync/entities';
import { applyServerState } from '../electron/core/sync/local-state';

// The desktop's share of a first sync alone: a snapshot saved to a file (the NDJSON answer of
// GET /sync/snapshot, and the signed-in user's JSON next to it as `<file>.user.json`) loaded
// into an empty database, no platform running. Its CPU time does not depend on how fast a
// platform serves, which makes it the figure to compare two versions of the bootstrap with.
//
// `npx tsx bench/bootstrap-file.ts --file /tmp/snapshot.ndjson [--batch N]`

export interface FileBootstrapMeasure {
  rows: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  startRssMb: number;
  /** The JavaScript heap's share of the peak (the rest: SQLite, buffers, code). */
  peakHeapMb: number;
  /** The peak while rows are loaded (the rest of the peak comes with the final transaction). */
  peakLoadRssMb: number;
}

export async function measureBootstrapFile(
  file: string,
  options: { batchSize?: number } = {},
): Promise<FileBootstrapMeasure> {
  const user = JSON.parse(readFileSync(`${file}.user.json`, 'utf8')) as { structureId: string };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-bootstrap-file-'));
  try {
    const store = await openLocalDatabase(path.join(dir, 'desktop.sqlite'));
    await store.write((tx) => applyServerState(tx, syncEntities.account, user as never, false));
    const client = {
      exchangeStream: async () => ({ kind: 'ok' as const, body: createReadStream(file) }),
    };
    const startRss = process.memoryUsage().rss;
    let peak = startRss;
    let peakHeap = 0;
    let peakLoad = startRss;
    const sample = () => {
      const memory = process.memoryUsage();
      peak = Math.max(peak, memory.rss);
      peakHeap = Math.max(peakHeap, memory.heapTotal);
    };
    // A transaction runs without letting the timer in: each batch and the final one sampled at their end too.
    const sampler = setInterval(sample, 20);
    let rows = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const outcome = await runBootstrap({
      store,
      client,
      structureId: user.structureId,
      logger: { error: (message) => console.error(message) },
      clock: () => performance.now(),
      onProgress: (progress) => (rows = progress.done),
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      hooks: {
        afterBatch: () => {
          sample();
          peakLoad = peak;
        },
        duringFinal: sample,
      },
    });
    const cpu = process.cpuUsage(cpuStart);
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    await store.close();
    if (outcome !== 'done') throw new Error(`bootstrap : ${outcome}`);
    return {
      rows,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMb: Math.round(peak / 1e6),
      startRssMb: Math.round(startRss / 1e6),
      peakHeapMb: Math.round(peakHeap / 1e6),
      peakLoadRssMb: Math.round(peakLoad / 1e6),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { file: { type: 'string' }, batch: { type: 'string' } } });
  if (!values.file) throw new Error('--file : le fichier de l’instantané (NDJSON).');
  const measure = await measureBootstrapFile(
    values.file,
    values.batch === undefined ? {} : { batchSize: Number(values.batch) },
  );
  console.log(JSON.stringify(measure));
}
