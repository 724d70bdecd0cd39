import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalDatabase, type LocalStore } from '../../db/open';
import { STRUCTURE_ID } from '../../../../tests/support/scripted-engine';
import { dump, freshStore, seededFeed, signIn, snapshotClient } from './fixture';
import { firstSyncUnfinished, runBootstrap } from './index';

// A bootstrap killed (SIGKILL, in a child process) at any point resumes at the next run and
// ends with the database a clean bootstrap leaves: no row twice, indexes all there.

const OFFERS = 5;
const opened: { store: LocalStore; dir: string }[] = [];
afterEach(async () => {
  for (const { store, dir } of opened.splice(0)) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function bootstrapped(store: LocalStore): Promise<void> {
  const outcome = await runBootstrap({
    store,
    client: snapshotClient(seededFeed(OFFERS)),
    structureId: STRUCTURE_ID,
    logger: { error: () => undefined },
    clock: () => 0,
    batchSize: 4,
  });
  expect(outcome).toBe('done');
}

async function reference(): Promise<Record<string, unknown[]>> {
  const fresh = await freshStore();
  opened.push(fresh);
  await signIn(fresh.store);
  await bootstrapped(fresh.store);
  return dump(fresh.store);
}

describe('a bootstrap killed', () => {
  it.each(['row:6', 'batch:4', 'batch:8', 'final'])(
    'at %s resumes and ends equal',
    async (point) => {
      const { store, dir } = await freshStore();
      await signIn(store);
      await store.close();
      const file = path.join(dir, 'local.sqlite');
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'crash-child.ts'), file, point, String(OFFERS)],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect(child.signal, child.stderr).toBe('SIGKILL');
      const again = await openLocalDatabase(file);
      opened.push({ store: again, dir });
      expect(await again.read((tx) => firstSyncUnfinished(tx, STRUCTURE_ID))).toBe(true);
      await bootstrapped(again);
      expect(await dump(again)).toEqual(await reference());
    },
    60_000,
  );
});
