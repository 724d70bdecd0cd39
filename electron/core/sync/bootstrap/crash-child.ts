// Crash tests only (bootstrap-crash.test.ts): runs a bootstrap on an existing database and kills
// itself with SIGKILL at the point given, as a crash or a power cut would.
// Usage: tsx crash-child.ts <database file> <point: row:N | batch:N | final> <offers in the feed>
import { openLocalDatabase } from '../../db/open';
import { STRUCTURE_ID } from '../../../../tests/support/scripted-engine';
import { seededFeed, snapshotClient } from './fixture';
import { runBootstrap } from './run';

const [file, point, count] = process.argv.slice(2);
const kill = () => process.kill(process.pid, 'SIGKILL');
const [where, at] = point!.split(':');
const store = await openLocalDatabase(file!);
await runBootstrap({
  store,
  client: snapshotClient(seededFeed(Number(count))),
  structureId: STRUCTURE_ID,
  logger: { error: () => undefined },
  clock: () => 0,
  batchSize: 4,
  hooks: {
    onRowApplied: (loaded) => (where === 'row' && loaded === Number(at) ? kill() : undefined),
    afterBatch: (loaded) => (where === 'batch' && loaded === Number(at) ? kill() : undefined),
    duringFinal: () => (where === 'final' ? kill() : undefined),
  },
});
process.exit(3);
