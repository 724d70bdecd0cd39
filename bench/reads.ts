import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { openLocalDatabase } from '../electron/core/db/open';
import { slowQueryLog } from '../electron/core/db/query-log';
import type { LocalStore } from '../electron/core/db/store';
import { createDispatcher } from '../electron/core/dispatch';
import { applicationsHandlers } from '../electron/core/handlers/applications';
import type { HandlerContext } from '../electron/core/handlers/context';
import { offersHandlers } from '../electron/core/handlers/offers';
import { syncEntities, type EntityData } from '../electron/core/sync/entities';
import { applyServerState } from '../electron/core/sync/local-state';

import { applicationStatuses, type Application } from '../shared/domain/applications';
import type { Employer } from '../shared/domain/employers';
import { contractTypes, offerStatuses, type Offer } from '../shared/domain/offers';
import type { Handlers } from '../shared/ipc/contract';
import { seededRandom } from '../shared/random';

// `npx tsx bench/reads.ts [--employers n] [--offers n] [--applications n] [--keep file]`: the
// desktop's local reads at full scale, without a platform nor a sync. A local database (the
// app's own migrations) receives employers, offers and applications through the sync's own
// write path (sort keys, tallies, search index), spread as bench/seed-platform.ts spreads them;
// then "Mes offres", "Candidatures" and the dashboard's counts are asked for through the core's
// dispatcher and real handlers (input and answer checked by the contract, as over IPC), in the
// mix of bench/sync.ts, and the 95th percentile of each is kept. `--keep` keeps the database in
// that file and reuses it at the next run (the migrations added since run on it).

export interface ReadsScale {
  employers: number;
  offers: number;
  applications: number;
  /** Queries per figure (bench/sync.ts: 400). */
  queries: number;
}

export interface ReadsFigures {
  offersListP95Ms: number;
  applicationsListP95Ms: number;
  dashboardCountsP95Ms: number;
}

export const FULL_SCALE: ReadsScale = {
  employers: 2000,
  offers: 20_000,
  applications: 200_000,
  queries: 400,
};

const PAGE = 5000;
/** bench/seed-platform.ts: one application a minute from 1 March 2025; "now" is after the last one. */
const FIRST_RECEIVED = Date.UTC(2025, 2, 1);

const TITLES = [
  ['D1102', 'Boulanger / Boulangère', 'Boulanger·ère en apprentissage'],
  ['G1602', 'Cuisinier / Cuisinière', 'Commis de cuisine'],
  ['F1603', 'Plombier / Plombière', 'Plombier·ère chauffagiste'],
  ['I1604', 'Mécanicien / Mécanicienne automobile', 'Mécanicien·ne automobile'],
  ['D1507', 'Vendeur / Vendeuse en magasin', 'Vendeur·se conseil'],
  ['M1607', 'Secrétaire', 'Assistant·e administratif·ve'],
] as const;
const COMMUNES = [
  ['33063', 'Bordeaux'],
  ['64445', 'Pau'],
  ['87085', 'Limoges'],
  ['86194', 'Poitiers'],
  ['17300', 'La Rochelle'],
  ['24322', 'Périgueux'],
] as const;
const FIRST_NAMES = ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Lucas', 'Hugo', 'Théo', 'Emma', 'Anaïs'];
const LAST_NAMES = ['Martin', 'Etcheverry', 'Lacoste', 'Duhalde', 'Larrieu', 'Laborde', 'Dupuy', 'Fabre'];
const CREATED_BY = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

function employer(i: number): Employer {
  const at = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
  return {
    id: randomUUID(),
    siret: String(10_000_000_000_000 + i),
    legalName: `ENTREPRISE PARTENAIRE ${i + 1}`,
    tradeName: null,
    nafCode: '56.10A',
    nafLabel: 'Restauration traditionnelle',
    address: {
      street: `${i + 1} RUE DU PORT`,
      postalCode: '33000',
      communeCode: '33063',
      communeName: 'Bordeaux',
    },
    contactLastName: LAST_NAMES[i % LAST_NAMES.length]!,
    contactFirstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
    contactMail: `contact${i}@entreprise.fr`,
    contactPhone: '+33556000000',
    status: 'acceptee',
    refusalReason: null,
    createdBy: CREATED_BY,
    createdAt: at,
    version: 1,
    updatedAt: at,
  };
}

function offer(i: number, employers: Employer[], random: () => number): Offer {
  const at = new Date(Date.UTC(2025, 0, 1) + i * 600_000).toISOString();
  const [romeCode, romeLabel, title] = TITLES[Math.floor(random() * TITLES.length)]!;
  const [communeCode, communeName] = COMMUNES[Math.floor(random() * COMMUNES.length)]!;
  const index = Math.floor(random() * employers.length);
  return {
    id: randomUUID(),
    number: 100_000 + i,
    employerId: employers[index]!.id,
    employerName: `ENTREPRISE PARTENAIRE ${index + 1}`,
    title: `${title} (${i + 1})`,
    romeCode,
    romeLabel,
    romeVersion: '4.0',
    diplomaIds: ['cap-cuisine'],
    contractType: contractTypes[i % contractTypes.length]!,
    startDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-01`,
    durationMonths: 24,
    positions: 1 + (i % 3),
    rhythm: '2 semaines en entreprise, 1 semaine au CFA',
    communeCode,
    communeName,
    description: 'Au sein d’une équipe de dix personnes, vous apprendrez le métier pas à pas.',
    handicapCommitment: i % 4 === 0,
    sharedWithStructure: true,
    franceTravail: i % 2 === 0,
    status: offerStatuses[random() < 0.6 ? 0 : random() < 0.5 ? 1 : 2]!,
    createdBy: CREATED_BY,
    createdAt: at,
    publishedAt: at,
    archiveAt: new Date(Date.parse(at) + 182 * 86_400_000).toISOString(),
    applicationsCount: 0,
    version: 1,
    updatedAt: at,
  };
}

function application(i: number, to: Offer, random: () => number): Application {
  const receivedAt = new Date(FIRST_RECEIVED + i * 60_000).toISOString();
  const status = applicationStatuses[Math.floor(random() * applicationStatuses.length)]!;
  const abandoned = status === 'abandonnee';
  const replied = status === 'recevable' || status === 'refusee';
  return {
    id: randomUUID(),
    number: 1_000_000 + i,
    offerId: to.id,
    offerNumber: to.number!,
    offerTitle: to.title,
    employerId: to.employerId,
    employerName: to.employerName,
    profile: abandoned
      ? null
      : {
          id: randomUUID(),
          firstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
          lastName: LAST_NAMES[(i * 7) % LAST_NAMES.length]!,
          age: 16 + (i % 14),
          romeCode: to.romeCode,
          romeLabel: to.romeLabel,
          diplomas: [{ id: 'cap-cuisine', label: 'CAP Cuisine', level: 3, state: 'prepare' }],
          communeCode: to.communeCode,
          communeName: to.communeName,
          mobilityKm: 30,
          availableFrom: '2026-09-01',
          contractTypes: ['apprentissage'],
          presentation: 'Motivé·e et curieux·se, je cherche une entreprise près de chez moi.',
          oeth: i % 17 === 0,
        },
    message: abandoned ? null : `Bonjour, je suis très intéressé·e par votre offre « ${to.title} ».`,
    status,
    abandonReason: abandoned ? 'Le candidat a supprimé ce profil.' : null,
    replyMessage: replied ? 'Bonjour, merci de votre candidature.' : null,
    refusalReason: status === 'refusee' ? 'profil_inadapte' : null,
    refusalDetail: null,
    repliedAt: replied ? receivedAt : null,
    repliedBy: replied ? 'Camille Martin' : null,
    readAt: status === 'a_traiter' ? null : receivedAt,
    readBy: status === 'a_traiter' ? null : 'Camille Martin',
    receivedAt,
    history: [{ kind: 'recue', at: receivedAt, by: null, detail: null }],
    version: 1,
    updatedAt: receivedAt,
  };
}

/** The rows, written page by page as a pull writes them. */
async function seed(store: LocalStore, scale: ReadsScale): Promise<void> {
  const random = seededRandom(20_000);
  const employers = Array.from({ length: scale.employers }, (_, i) => employer(i));
  const offers = Array.from({ length: scale.offers }, (_, i) => offer(i, employers, random));
  const write = async (entity: keyof typeof syncEntities, rows: EntityData[]) => {
    for (let i = 0; i < rows.length; i += PAGE)
      await store.write((tx) => {
        for (const row of rows.slice(i, i + PAGE)) applyServerState(tx, syncEntities[entity], row, false);
      });
  };
  await write('employer', employers);
  await write('offer', offers);
  for (let i = 0; i < scale.applications; i += PAGE) {
    const page = Array.from({ length: Math.min(PAGE, scale.applications - i) }, (_, k) =>
      application(i + k, offers[Math.floor(random() * offers.length)]!, random),
    );
    await write('application', page);
  }
}

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return Number(sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2));
}

/** The 95th percentile (ms) of `count` calls of `ask(i)`, after a few unmeasured ones. */
async function measure(count: number, ask: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await ask(i);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await ask(i);
    times.push(performance.now() - start);
  }
  return p95(times);
}

/** Runs the three figures over a database at `scale` (kept in `keep` when given, and reused). */
export async function measureReads(
  scale: ReadsScale = FULL_SCALE,
  keep?: string,
): Promise<ReadsFigures & { seedSeconds: number }> {
  const dir = keep ? undefined : mkdtempSync(path.join(os.tmpdir(), 'bench-reads-'));
  const file = keep ?? path.join(dir!, 'local.sqlite');
  const fresh = !existsSync(file);
  // As the desktop opens it: slow statements logged (here, to nowhere).
  const store = await openLocalDatabase(file, undefined, { slowLog: slowQueryLog(() => {}) });
  try {
    const seedStart = performance.now();
    if (fresh) await seed(store, scale);
    const seedSeconds = Number(((performance.now() - seedStart) / 1000).toFixed(1));
    const now = new Date(FIRST_RECEIVED + scale.applications * 60_000 + 3_600_000);
    const ctx = {
      sessions: { requireAccount: () => ({ store }) },
      clock: () => now,
    } as unknown as HandlerContext;
    const invoke = createDispatcher(
      { ...offersHandlers(ctx), ...applicationsHandlers(ctx, () => now) } as Handlers,
      { error: (message, error) => console.error(message, error) },
    );
    const call = async <T>(channel: string, input?: unknown): Promise<T> => {
      const answer = await invoke(channel, input);
      if (!answer.ok) throw new Error(`${channel} : ${answer.error.message}`);
      return answer.data as T;
    };
    const ids = (table: string, where = '') =>
      (
        store.sqlite.prepare(`select id from ${table} ${where} order by rowid`).all() as Array<{ id: string }>
      ).map((row) => row.id);
    const employerIds = ids('employer');
    const offerIds = ids('offer', "where status = 'en_cours'").slice(0, 500);

    // bench/sync.ts's mixes, query for query.
    const offersListP95Ms = await measure(scale.queries, (i) =>
      call('offers.list', {
        status: (['en_cours', 'pourvue', 'archivee'] as const)[i % 3],
        ...(i % 4 === 1 ? { employerId: employerIds[i % employerIds.length]! } : {}),
        ...(i % 4 === 2 ? { contractType: 'apprentissage' as const } : {}),
        ...(i % 4 === 3 ? { communeCode: '33063' } : {}),
        sort: (['createdAt', 'number', 'title', 'employer', 'startDate'] as const)[i % 5],
        direction: i % 2 === 0 ? 'desc' : 'asc',
        limit: 50,
        offset: i % 7 === 0 ? 500 : 0,
      }),
    );
    const dashboardCountsP95Ms = await measure(scale.queries, (i) =>
      call(
        'applications.counts',
        i % 3 === 1
          ? { offerId: offerIds[i % offerIds.length]! }
          : i % 3 === 2
            ? { employerId: employerIds[i % employerIds.length]! }
            : undefined,
      ),
    );
    const applicationsListP95Ms = await measure(scale.queries, (i) =>
      call('applications.list', {
        status: (['a_traiter', 'recevable', 'refusee', 'abandonnee'] as const)[i % 4],
        ...(i % 3 === 1 ? { offerId: offerIds[i % offerIds.length]! } : {}),
        ...(i % 5 === 2 ? { overdue: true, status: 'a_traiter' as const } : {}),
        sort: (['receivedAt', 'number', 'applicant', 'offer'] as const)[i % 4],
        direction: i % 2 === 0 ? 'desc' : 'asc',
        limit: 50,
      }),
    );
    return { offersListP95Ms, applicationsListP95Ms, dashboardCountsP95Ms, seedSeconds };
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      employers: { type: 'string' },
      offers: { type: 'string' },
      applications: { type: 'string' },
      queries: { type: 'string' },
      keep: { type: 'string' },
    },
  });
  const scale: ReadsScale = {
    employers: Number(values.employers ?? FULL_SCALE.employers),
    offers: Number(values.offers ?? FULL_SCALE.offers),
    applications: Number(values.applications ?? FULL_SCALE.applications),
    queries: Number(values.queries ?? FULL_SCALE.queries),
  };
  console.log(await measureReads(scale, values.keep));
}
