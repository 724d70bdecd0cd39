import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REFERENT } from '../../../platform/seed/demo';
import { startNodeProcess, type Running } from '../../../scripts/processes';
import { repoRoot } from '../../../scripts/paths';
import { measureFirstSync } from '../../../bench/main-loop';
import { accountDatabaseFile } from '../db/open';
import { startWorkerCore } from './worker-core';

const MEMBERS = 4000;
let root = '';
let platform: Running;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'worker-core-'));
  const platformDir = path.join(root, 'platform');
  // The bench's seeding: thousands of members in the demo structure's change feed.
  const seeded = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(repoRoot, 'bench', 'seed-platform.ts'),
      platformDir,
      String(MEMBERS),
      '5',
      '5',
      '5',
    ],
    { cwd: repoRoot, stdio: 'ignore' },
  );
  expect(seeded.status).toBe(0);
  // In a process of its own: the platform's work must not count as the host thread's.
  platform = await startNodeProcess('platform/cli.ts', ['--port', '0', '--data', platformDir]);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('core in a worker thread', () => {
  it('answers and keeps the host thread free during a long first sync; close() closes the database', async () => {
    const dataDir = path.join(root, 'desktop');
    const core = await startWorkerCore({
      dataDir,
      platformUrl: platform.url,
      requestTimeoutMs: 60_000,
      connectivityIntervalMs: 3_600_000,
      sync: { debounceMs: 3_600_000, periodicMs: 3_600_000 },
    });
    const about = await core.invoke('app.about');
    expect(about).toMatchObject({ ok: true, data: { dataDir, electron: false } });

    const measure = await measureFirstSync(core, DEMO_REFERENT);
    expect(measure.rows).toBeGreaterThanOrEqual(MEMBERS);
    expect(measure.pings).toBeGreaterThan(1);
    // Generous bounds (2 shared cores): the point is that answers keep coming during the sync
    // and that the host's loop never waits for a whole sync, not how fast either is.
    expect(measure.pingMaxMs).toBeLessThan(5_000);
    expect(measure.mainLoopLagP99Ms).toBeLessThan(500);

    const members = await core.invoke('members.list');
    expect(members.ok).toBe(true);
    const session = await core.invoke('session.get');
    const userId = (session as { data: { user: { id: string } } }).data.user.id;
    const file = accountDatabaseFile(dataDir, userId);
    expect(existsSync(file)).toBe(true);

    await core.close();
    // Closed cleanly: SQLite's write-ahead log is folded back and removed on the last close.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(await core.invoke('app.about')).toMatchObject({ ok: false, error: { code: 'internal' } });
  }, 180_000);
});
