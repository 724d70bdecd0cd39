import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLocalDatabase } from '../electron/core/db/open';
import { PlatformClient } from '../electron/core/platform/client';
import { runBootstrap } from '../electron/core/sync/bootstrap';
import { syncEntities } from '../electron/core/sync/entities';
import { applyServerState } from '../electron/core/sync/local-state';
import { DEMO_REFERENT } from '../platform/seed/demo';

// The bootstrap of an empty desktop from a running seeded platform (see bench/sync.ts for how it
// is seeded and started), and its "limit": the same rows inserted raw into bare tables, the
// secondary indexes built after. applyVsLimitRatio = limitSeconds / bootstrapSeconds. The limit
// leaves out the search words (a contentless FTS index cannot be copied): it is a little lower
// than the true limit, so the ratio errs on the low side.

export interface BootstrapMeasure {
  rows: number;
  bootstrapSeconds: number;
  /** CPU time of this process during the bootstrap (user + system): steadier than the wall clock on a busy machine. */
  bootstrapCpuSeconds: number;
  limitSeconds: number;
  applyVsLimitRatio: number;
  peakRssMb: number;
  /** RSS when the bootstrap starts (modules loaded, database open): what the bootstrap adds is the difference. */
  startRssMb: number;
}

export async function measureBootstrap(
  platformUrl: string,
  options: { batchSize?: number } = {},
): Promise<BootstrapMeasure> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-bootstrap-'));
  try {
    const client = new PlatformClient({ baseUrl: platformUrl, timeoutMs: 120_000 });
    const user = await client.login(DEMO_REFERENT.mail, DEMO_REFERENT.password);
    const store = await openLocalDatabase(path.join(dir, 'desktop.sqlite'));
    await store.write((tx) => applyServerState(tx, syncEntities.account, user as never, false));
    const startRss = process.memoryUsage().rss;
    let peak = startRss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    let rows = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const outcome = await runBootstrap({
      store,
      client,
      structureId: String((user as unknown as { structureId: string }).structureId),
      logger: { error: (message) => console.error(message) },
      clock: () => performance.now(),
      onProgress: (progress) => (rows = progress.done),
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    });
    const bootstrapSeconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    clearInterval(sampler);
    if (outcome !== 'done') throw new Error(`bootstrap : ${outcome}`);

    // The limit: the same tables copied raw into a fresh database, its secondary indexes built after.
    const limit = await openLocalDatabase(path.join(dir, 'limit.sqlite'));
    const sqlite = limit.sqlite;
    const tables = [...Object.values(syncEntities).map((e) => e.table), 'profile', 'shadow'];
    const indexes = sqlite
      .prepare("select name, tbl_name, sql from sqlite_master where type = 'index' and sql is not null")
      .all() as { name: string; tbl_name: string; sql: string }[];
    const secondary = indexes.filter((i) => tables.includes(i.tbl_name) && !/create\s+unique/i.test(i.sql));
    for (const index of secondary) sqlite.exec(`drop index "${index.name}"`);
    sqlite.exec(`attach database '${path.join(dir, 'desktop.sqlite')}' as source`);
    const limitStart = performance.now();
    sqlite.transaction(() => {
      for (const table of tables)
        sqlite.exec(`insert or ignore into main."${table}" select * from source."${table}"`);
      for (const index of secondary) sqlite.exec(index.sql);
    })();
    const limitSeconds = (performance.now() - limitStart) / 1000;
    await limit.close();
    await store.close();
    return {
      rows,
      bootstrapSeconds,
      bootstrapCpuSeconds: (cpu.user + cpu.system) / 1e6,
      limitSeconds,
      applyVsLimitRatio: limitSeconds / bootstrapSeconds,
      peakRssMb: Math.round(peak / 1e6),
      startRssMb: Math.round(startRss / 1e6),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
