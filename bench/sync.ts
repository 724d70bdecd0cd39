import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openLocalDatabase } from '../electron/core/db/open';
import { measureAlerts } from './alerts';
import { measureBootstrap } from './bootstrap';
import { measureFts } from './fts';
import { measureMainLoopLag } from './main-loop';
import { firstSync, invoke, pullRemoteChanges, pushChanges } from './sync-paths';
import { startNodeProcess } from '../scripts/processes';
import { repoRoot } from '../scripts/paths';

// `npm run bench [-- --scale small|full|<rows>]`: the sync engine at scale. Not a test: it
// measures, prints a table and writes bench/results/latest.json.

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'full' } } });
const scales: Record<string, number> = { small: 20_000, full: 300_000 };
const rows = scales[values.scale!] ?? Number(values.scale);
if (!Number.isInteger(rows) || rows < 1) {
  console.error('--scale : small, full ou un nombre de lignes.');
  process.exit(2);
}
const scaleName = values.scale!;
const PUSHES = 1000;
/** "Mes offres" is measured at this many offers (issue 5), whatever the scale. */
const EMPLOYERS = 1000;
const OFFERS = 20_000;
const LIST_QUERIES = 400;
/** The dashboard is measured at this many applications (issue 6), whatever the scale. */
const APPLICATIONS = 200_000;
const DASHBOARD_QUERIES = 400;
/** bench/seed-platform.ts receives one application a minute from 1 March 2025. */
const LAST_RECEIVED = Date.UTC(2025, 2, 1) + (APPLICATIONS - 1) * 60_000;
/**
 * The core's "now" (its handlers only): the real time, but while the dashboard's charts are
 * measured, the last seeded reception, so that their twelve weeks are full of applications.
 */
let benchNow: Date | undefined;

// Peak memory of the desktop's work (pull, push), sampled; the seeding and the raw baseline are left out.
let peakRss = 0;
let tracking = false;
const sampler = setInterval(() => {
  if (tracking) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const root = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const platformDir = path.join(root, 'platform');

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return Number(sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2));
}

async function main() {
  console.log(
    `Préparation : ${rows.toLocaleString('fr-FR')} membres, ${EMPLOYERS.toLocaleString('fr-FR')} employeurs, ${OFFERS.toLocaleString('fr-FR')} offres et ${APPLICATIONS.toLocaleString('fr-FR')} candidatures dans la structure de démonstration…`,
  );
  // Seeded in a process of its own: its memory must not count as the desktop's.
  const seeding = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(repoRoot, 'bench', 'seed-platform.ts'),
      platformDir,
      String(rows),
      String(EMPLOYERS),
      String(OFFERS),
      String(APPLICATIONS),
    ],
    { stdio: 'inherit' },
  );
  if (seeding.status !== 0) throw new Error('préparation de la plateforme impossible');
  // The platform in a process of its own, as in real life: client and server do not share a core.
  const platform = await startNodeProcess('platform/cli.ts', ['--port', '0', '--data', platformDir]);

  // 1. First sync of an empty desktop: the snapshot (new path), then the feed replay (old path,
  // legacyBootstrap) on another empty desktop, measured after so that its memory is not counted.
  const desktopDir = path.join(root, 'desktop');
  tracking = true;
  const fresh = await firstSync({
    dataDir: desktopDir,
    platformUrl: platform.url,
    sync: {},
    clock: () => benchNow ?? new Date(),
  });
  tracking = false;
  const { core, userId } = fresh;
  const pullSeconds = fresh.seconds;
  const pulledRows = fresh.rows ?? rows + EMPLOYERS + OFFERS + APPLICATIONS;

  // 2. "Mes offres": one tab, filtered or not, sorted, 50 rows, as the page asks for it.
  const employerIds = await invoke<Array<{ id: string }>>(core, 'employers.list');
  const listTimes: number[] = [];
  for (let i = 0; i < LIST_QUERIES; i++) {
    const query = {
      status: (['en_cours', 'pourvue', 'archivee'] as const)[i % 3],
      ...(i % 4 === 1 ? { employerId: employerIds[i % employerIds.length]!.id } : {}),
      ...(i % 4 === 2 ? { contractType: 'apprentissage' as const } : {}),
      ...(i % 4 === 3 ? { communeCode: '33063' } : {}),
      sort: (['createdAt', 'number', 'title', 'employer', 'startDate'] as const)[i % 5],
      direction: i % 2 === 0 ? ('desc' as const) : ('asc' as const),
      limit: 50,
      offset: i % 7 === 0 ? 500 : 0,
    };
    const start = performance.now();
    await invoke(core, 'offers.list', query);
    listTimes.push(performance.now() - start);
  }
  const offersListP95Ms = p95(listTimes);

  // 3. The dashboard's "Candidatures" counts: the whole structure, one offer, one employer.
  const offerIds = (
    await invoke<{ rows: Array<{ id: string }> }>(core, 'offers.list', { status: 'en_cours', limit: 500 })
  ).rows;
  const countTimes: number[] = [];
  for (let i = 0; i < DASHBOARD_QUERIES; i++) {
    const filter =
      i % 3 === 1
        ? { offerId: offerIds[i % offerIds.length]!.id }
        : i % 3 === 2
          ? { employerId: employerIds[i % employerIds.length]!.id }
          : undefined;
    const start = performance.now();
    await invoke(core, 'applications.counts', filter);
    countTimes.push(performance.now() - start);
  }
  const dashboardCountsP95Ms = p95(countTimes);

  // 4. A list of the dashboard ("A traiter", filtered or not, sorted), 50 rows.
  const applicationListTimes: number[] = [];
  for (let i = 0; i < LIST_QUERIES; i++) {
    const query = {
      status: (['a_traiter', 'recevable', 'refusee', 'abandonnee'] as const)[i % 4],
      ...(i % 3 === 1 ? { offerId: offerIds[i % offerIds.length]!.id } : {}),
      ...(i % 5 === 2 ? { overdue: true, status: 'a_traiter' as const } : {}),
      sort: (['receivedAt', 'number', 'applicant', 'offer'] as const)[i % 4],
      direction: i % 2 === 0 ? ('desc' as const) : ('asc' as const),
      limit: 50,
    };
    const start = performance.now();
    await invoke(core, 'applications.list', query);
    applicationListTimes.push(performance.now() - start);
  }
  const applicationsListP95Ms = p95(applicationListTimes);

  // What follows is measured alone: after the first sync the referentials download in the
  // background, and the communes place the 200,000 profiles cached from the applications (once).
  // A search of the communes answers when that download is done.
  await invoke(core, 'referentials.communes', { q: 'Bordeaux' });

  // 5. The new dashboard (issue 16): « À faire » and its three charts, from the cache.
  benchNow = new Date(LAST_RECEIVED + 3_600_000);
  const dashboardChannels = {
    dashboardTodoP95Ms: ['dashboard.todo', { limit: 20 }],
    applicationsPerWeekP95Ms: ['dashboard.applicationsPerWeek', undefined],
    firstAnswerDelayP95Ms: ['dashboard.firstAnswerDelay', undefined],
    applicationsPerOfferP95Ms: ['dashboard.applicationsPerOffer', undefined],
  } as const;
  const dashboard = {} as Record<keyof typeof dashboardChannels, number>;
  for (const [name, [channel, input]] of Object.entries(dashboardChannels)) {
    const times: number[] = [];
    for (let i = 0; i < DASHBOARD_QUERIES / 2; i++) {
      const start = performance.now();
      await invoke(core, channel, input);
      times.push(performance.now() - start);
    }
    dashboard[name as keyof typeof dashboardChannels] = p95(times);
  }
  benchNow = undefined;

  // 6. A thousand changes queued, then pushed in batches; a thousand employers edited by a
  // colleague, then pulled by this up-to-date desktop.
  tracking = true;
  const pushSeconds = await pushChanges(core, PUSHES);
  const incrementalSeconds = await pullRemoteChanges(core, platform.url, PUSHES);
  tracking = false;
  await core.close();

  // The old paths, side by side: feed replay, one request per change.
  const legacy = await firstSync({
    dataDir: path.join(root, 'legacy'),
    platformUrl: platform.url,
    sync: { legacyBootstrap: true, legacyPush: true },
  });
  const legacyPushSeconds = await pushChanges(legacy.core, PUSHES);
  await legacy.core.close();

  // The host thread's event loop during a first sync by a core in a worker thread; the snapshot's
  // load against its limit (same rows copied raw into bare tables, indexes built after).
  const lag = await measureMainLoopLag({ platformUrl: platform.url, dataDir: path.join(root, 'worker') });
  const limit = await measureBootstrap(platform.url);
  await platform.stop();
  clearInterval(sampler);

  // 7. The limit, measured last (its rows in memory are not the desktop's): the same rows (members,
  // employers, offers, applications) bulk inserted with better-sqlite3 into an empty database with
  // the same schema, pages of 5000 per transaction.
  const localFile = path.join(desktopDir, 'accounts', userId, 'local.sqlite');
  const source = new Database(localFile, { readonly: true });
  const tables = ['member', 'employer', 'offer', 'application'].map((table) => ({
    table,
    rows: source.prepare(`select * from ${table}`).all() as Array<Record<string, unknown>>,
  }));
  source.close();
  const rawDir = path.join(root, 'raw');
  mkdirSync(rawDir);
  const rawStore = await openLocalDatabase(path.join(rawDir, 'local.sqlite'));
  await rawStore.close();
  const raw = new Database(path.join(rawDir, 'local.sqlite'));
  raw.pragma('journal_mode = WAL');
  let rawRows = 0;
  const rawStart = performance.now();
  for (const { table, rows: tableRows } of tables) {
    if (tableRows.length === 0) continue;
    const columns = Object.keys(tableRows[0]!);
    const insert = raw.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    const insertPage = raw.transaction((page: Array<Record<string, unknown>>) => {
      for (const row of page) insert.run(row);
    });
    for (let i = 0; i < tableRows.length; i += 5000) insertPage(tableRows.slice(i, i + 5000));
    rawRows += tableRows.length;
  }
  const rawSeconds = (performance.now() - rawStart) / 1000;
  raw.close();

  // 8. Profiles (issue 7), each on its own data: the global search over 100,000 cached
  // profiles, and the platform's alerts for 60 offers × 10,000 profiles.
  const { ftsProfileSearchP95Ms } = await measureFts();
  const { alertsComputeSeconds } = await measureAlerts();

  const syncApplyRowsPerSec = Math.round(pulledRows / pullSeconds);
  const rawInsertRowsPerSec = Math.round(rawRows / rawSeconds);
  const result = {
    date: new Date().toISOString(),
    scale: {
      name: scaleName,
      rows: pulledRows,
      employers: EMPLOYERS,
      offers: OFFERS,
      applications: APPLICATIONS,
      pageSize: 5000,
      pushes: PUSHES,
    },
    machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` },
    syncApplyRowsPerSec,
    rawInsertRowsPerSec,
    applyVsRawRatio: Number((syncApplyRowsPerSec / rawInsertRowsPerSec).toFixed(3)),
    initialPullSeconds: Number(pullSeconds.toFixed(2)),
    legacyInitialPullSeconds: Number(legacy.seconds.toFixed(2)),
    applyVsLimitRatio: Number(limit.applyVsLimitRatio.toFixed(3)),
    push1000Seconds: Number(pushSeconds.toFixed(2)),
    legacyPush1000Seconds: Number(legacyPushSeconds.toFixed(2)),
    incremental1000Seconds: Number(incrementalSeconds.toFixed(2)),
    mainLoopLagP99Ms: Number(lag.mainLoopLagP99Ms.toFixed(1)),
    offersListP95Ms,
    dashboardCountsP95Ms,
    applicationsListP95Ms,
    ...dashboard,
    ftsProfileSearchP95Ms,
    alertsComputeSeconds,
    peakRssMb: Math.round(peakRss / 1_048_576),
    goals: {
      initialPullSeconds: '≤ 25',
      applyVsRawRatio: '≥ 1.0',
      applyVsLimitRatio: '≥ 0.7',
      push1000Seconds: '≤ 0.5',
      incremental1000Seconds: '≤ 0.5',
      offersListP95Ms: '≤ 3',
      applicationsListP95Ms: '≤ 3',
      dashboardCountsP95Ms: '≤ 5',
      dashboardTodoP95Ms: '≤ 20',
      applicationsPerWeekP95Ms: '≤ 20',
      firstAnswerDelayP95Ms: '≤ 20',
      applicationsPerOfferP95Ms: '≤ 20',
      ftsProfileSearchP95Ms: '≤ 5',
      peakRssMb: '≤ 250',
      mainLoopLagP99Ms: '≤ 50',
    },
  };
  writeFileSync(
    path.join(repoRoot, 'bench', 'results', 'latest.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  rmSync(root, { recursive: true, force: true });

  console.table({
    'Tirage initial + application (lignes/s)': syncApplyRowsPerSec,
    'Insertion brute better-sqlite3 (lignes/s)': rawInsertRowsPerSec,
    'Rapport application / brut (objectif ≥ 1)': result.applyVsRawRatio,
    'Rapport chargement / limite (objectif ≥ 0,7)': result.applyVsLimitRatio,
    'Première synchronisation, instantané (s, objectif ≤ 25)': result.initialPullSeconds,
    'Première synchronisation, ancien rejeu du journal (s)': result.legacyInitialPullSeconds,
    [`Envoi de ${PUSHES} modifications par lots (s, objectif ≤ 0,5)`]: result.push1000Seconds,
    [`Envoi de ${PUSHES} modifications une à une, ancien chemin (s)`]: result.legacyPush1000Seconds,
    [`Réception de ${PUSHES} modifications d’un collègue (s, objectif ≤ 0,5)`]: result.incremental1000Seconds,
    'Latence de la boucle principale pendant une première synchronisation, p99 (ms, objectif ≤ 50)':
      result.mainLoopLagP99Ms,
    [`« Mes offres » à ${OFFERS.toLocaleString('fr-FR')} offres, p95 (ms, objectif ≤ 3)`]: offersListP95Ms,
    [`Compteurs du tableau de bord à ${APPLICATIONS.toLocaleString('fr-FR')} candidatures, p95 (ms, objectif ≤ 5)`]:
      dashboardCountsP95Ms,
    ['Liste des candidatures, 50 lignes, p95 (ms, objectif ≤ 3)']: applicationsListP95Ms,
    ['« À faire » du tableau de bord, 20 lignes, p95 (ms, objectif ≤ 20)']: dashboard.dashboardTodoP95Ms,
    ['Graphique « Candidatures reçues par semaine », p95 (ms, objectif ≤ 20)']:
      dashboard.applicationsPerWeekP95Ms,
    ['Graphique « Délai médian avant une première réponse », p95 (ms, objectif ≤ 20)']:
      dashboard.firstAnswerDelayP95Ms,
    ['Graphique « Candidatures par offre », p95 (ms, objectif ≤ 20)']: dashboard.applicationsPerOfferP95Ms,
    ['Recherche locale sur 100 000 profils, p95 (ms, objectif ≤ 5)']: ftsProfileSearchP95Ms,
    ['Calcul des alertes, 60 offres × 10 000 profils (s)']: alertsComputeSeconds,
    'Mémoire maximale du bureau (Mo, objectif ≤ 250)': result.peakRssMb,
  });
  console.log('Résultats : bench/results/latest.json');
}

await main();
