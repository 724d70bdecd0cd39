import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { postgresBinaries, POSTGRES_MISSING } from '../platform/db/postgres-binaries';
import { startTestCluster, type TestCluster } from '../platform/db/test-postgres';
import { startNodeProcess, type Running } from '../scripts/processes';
import { repoRoot } from '../scripts/paths';
import { checkConvergence } from './platform/convergence';
import { settle, startDesktop, type BenchDesktop } from './platform/desktops';
import { percentile, summarise } from './platform/latency';
import { runMix } from './platform/mix';
import { populate } from './platform/population';

// `npm run bench:platform [-- --desktops 40 --seconds 60 --rate 240 --dialect both]`: the
// platform under a staff mix while candidates apply, on SQLite (one instance) and on PostgreSQL
// (two instances on one database, desktops and candidates spread over both; a throwaway cluster
// unless --database or PLATFORM_DATABASE_URL names one). Not a test: it
// measures, prints both side by side and writes bench/results/platform.json.

const { values } = parseArgs({
  options: {
    desktops: { type: 'string', default: '40' },
    structures: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '240' },
    candidates: { type: 'string', default: '60' },
    dialect: { type: 'string', default: 'both' },
    database: { type: 'string' },
  },
});
const desktopsWanted = Number(values.desktops);
const structureCount = Number(values.structures);
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const candidateCount = Number(values.candidates);
for (const [name, value] of Object.entries({
  desktops: desktopsWanted,
  structures: structureCount,
  seconds,
  rate,
  candidates: candidateCount,
}))
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} doit être un entier positif.`);
    process.exit(2);
  }
if (!['sqlite', 'postgres', 'both'].includes(values.dialect!)) {
  console.error('--dialect : sqlite, postgres ou both.');
  process.exit(2);
}

/** A seeded generator: the same mix from run to run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Target {
  dialect: 'sqlite' | 'postgres';
  /** The instances' --database (PostgreSQL); none: SQLite, one instance. */
  databaseUrl?: string;
  instances: number;
}

async function runOn(target: Target) {
  const root = mkdtempSync(path.join(os.tmpdir(), `bench-platform-${target.dialect}-`));
  const instances: Array<{ running: Running; stats: string }> = [];
  const desktops: BenchDesktop[] = [];
  try {
    for (let i = 0; i < target.instances; i++) {
      const stats = path.join(root, `stats-${i}.json`);
      const args = ['--data', path.join(root, `instance-${i}`), '--stats', stats];
      if (target.databaseUrl) args.push('--database', target.databaseUrl);
      instances.push({ running: await startNodeProcess('bench/platform/instance.ts', args), stats });
    }
    const urls = instances.map((i) => i.running.url);
    const population = await populate(urls, {
      structures: structureCount,
      staffPerStructure: Math.ceil(desktopsWanted / structureCount),
      offersPerMember: 2,
      candidates: candidateCount,
    });
    let n = 0;
    for (const structure of population.structures)
      for (const [index, staff] of structure.staff.entries())
        if (n < desktopsWanted)
          desktops.push(await startDesktop(root, urls[n++ % urls.length]!, structure, staff, index));

    for (const instance of instances) instance.running.child.kill('SIGUSR2');
    const mix = await runMix({
      desktops,
      candidates: population.candidates,
      offers: population.structures.flatMap((s) =>
        s.staff.flatMap((m) => m.offerIds.map((id) => ({ id, structureId: s.id }))),
      ),
      seconds,
      applicationsPerMinute: rate,
      freeSirets: population.freeSirets,
      random: seededRandom(2026),
    });
    for (const instance of instances) instance.running.child.kill('SIGHUP');

    // Everything waiting goes, then every desktop pulls what the others sent.
    let stuck = 0;
    for (const desktop of desktops) await settle(desktop);
    for (const desktop of desktops) {
      const status = await settle(desktop);
      if (status.pending + status.parked + status.conflicts > 0) stuck++;
    }
    const convergence = await checkConvergence(
      urls[0]!,
      population.structures,
      desktops,
      mix.expected,
      stuck,
    );

    await new Promise((resolve) => setTimeout(resolve, 200));
    const windows = instances.map(
      (i) =>
        JSON.parse(readFileSync(i.stats, 'utf8')) as { seconds: number; samples: Record<string, number[]> },
    );
    const merged: Record<string, number[]> = {};
    for (const window of windows)
      for (const [family, times] of Object.entries(window.samples)) (merged[family] ??= []).push(...times);
    const latency = summarise(merged);
    const windowSeconds = Math.max(...windows.map((w) => w.seconds));
    return {
      dialect: target.dialect,
      instances: target.instances,
      desktops: desktops.length,
      candidates: population.candidates.length,
      seconds: Math.round(windowSeconds * 10) / 10,
      requestsPerSecond: Math.round((latency.all!.count / windowSeconds) * 10) / 10,
      applications: {
        sent: mix.applicationsSent,
        accepted: mix.expected.applications.size,
        refused: mix.applicationsRefused,
        perMinute: Math.round((mix.expected.applications.size / seconds) * 60),
      },
      staffActions: mix.staffActions,
      livePropagation: {
        samples: mix.propagationMs.length,
        p50Ms: percentile(mix.propagationMs, 50),
        p95Ms: percentile(mix.propagationMs, 95),
        missed: mix.propagationMissed,
      },
      latency,
      lost: convergence.lost,
      duplicated: convergence.duplicated,
      stuckDesktops: convergence.stuck,
      problems: convergence.details,
    };
  } finally {
    for (const desktop of desktops) await desktop.close().catch(() => undefined);
    for (const instance of instances) await instance.running.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

const targets: Target[] = [];
let cluster: TestCluster | undefined;
if (values.dialect !== 'postgres') targets.push({ dialect: 'sqlite', instances: 1 });
if (values.dialect !== 'sqlite') {
  let databaseUrl = values.database ?? process.env.PLATFORM_DATABASE_URL;
  if (!databaseUrl && postgresBinaries()) {
    // No database given: a throwaway cluster of the bench's own, as the tests make.
    cluster = await startTestCluster();
    process.once('exit', () => cluster?.stop());
    databaseUrl = `${cluster.url}/platform_template`;
  }
  if (databaseUrl) targets.push({ dialect: 'postgres', databaseUrl, instances: 2 });
  else if (values.dialect === 'postgres') {
    console.error(POSTGRES_MISSING);
    process.exit(2);
  } else console.log(`PostgreSQL ignoré : ${POSTGRES_MISSING}`);
}

const runs: Array<Awaited<ReturnType<typeof runOn>>> = [];
for (const target of targets) {
  console.log(
    `bench:platform — ${target.dialect}, ${target.instances} instance(s), ${desktopsWanted} postes, ${seconds} s…`,
  );
  runs.push(await runOn(target));
}

const rows: Array<[string, (run: (typeof runs)[number]) => unknown]> = [
  ['instances', (r) => r.instances],
  ['postes', (r) => r.desktops],
  ['requêtes/s', (r) => r.requestsPerSecond],
  ['candidatures/min', (r) => r.applications.perMinute],
  ['REST p50 (ms)', (r) => r.latency.all?.p50Ms],
  ['REST p95 (ms)', (r) => r.latency.all?.p95Ms],
  ['propagation p50 (ms)', (r) => r.livePropagation.p50Ms],
  ['propagation p95 (ms)', (r) => r.livePropagation.p95Ms],
  ['propagations manquées', (r) => r.livePropagation.missed],
  ['perdus', (r) => r.lost],
  ['en double', (r) => r.duplicated],
];
console.table(
  Object.fromEntries(
    rows.map(([label, pick]) => [label, Object.fromEntries(runs.map((r) => [r.dialect, pick(r)]))]),
  ),
);
for (const run of runs)
  if (run.problems.length > 0) console.log(`${run.dialect} :\n  ${run.problems.join('\n  ')}`);

const out = path.join(repoRoot, 'bench', 'results', 'platform.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) }, runs }, null, 2)}\n`,
);
console.log(`Résultats : ${path.relative(repoRoot, out)}`);
cluster?.stop();
if (runs.some((r) => r.lost > 0 || r.duplicated > 0)) process.exitCode = 1;
