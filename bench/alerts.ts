import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { recomputeStructureAlerts } from '../platform/alerts/compute';
import { newProfile } from '../platform/candidates/profiles';
import { openPlatformDatabase, type PlatformDb } from '../platform/db/open';
import type { CandidateProfilesTable, CandidatesTable } from '../platform/db/schema';
import { insertOffer, newOffer } from '../platform/offers/new-offer';
import { communesOfNouvelleAquitaine, nafSubclasses, type Commune } from '../platform/referentials/load';
import { seedDirectory } from '../platform/seed';
import { structureFromDirectory } from '../platform/seed/demo';
import { DEMO_CFA_SIRET } from '../platform/seed/directory';
import { TRADES_BY_NAF, type Trade } from '../platform/seed/trades';
import type { ContractType } from '../shared/domain/offers';
import { DAY_MS, pick, seededRandom, weighted } from '../shared/random';

// `npx tsx bench/alerts.ts` (and `npm run bench`): the platform's "Alertes" at scale. A fresh
// platform database with one structure, 60 offers "En cours" and 10,000 candidates' profiles
// drawn from the referentials (the métiers the seeded trades recruit for and the diplomas that
// lead to them, communes of Nouvelle-Aquitaine as populated as they are), then the time of one
// full computation of the structure's alerts.

const OFFERS = 60;
const PROFILES = 10_000;

type Random = () => number;

/** Communes drawn as often as people live there (most candidates near the towns). */
function communeDraw(): (random: Random) => Commune {
  return weighted(communesOfNouvelleAquitaine(), (commune) => Math.max(1, commune.population));
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

function contractsOf(random: Random, trade: Trade): ContractType[] {
  const draw = random();
  if (trade.professionalisation && draw < 0.4) return ['apprentissage', 'professionnalisation'];
  if (draw < 0.08) return ['stage'];
  if (draw < 0.15) return ['apprentissage', 'stage'];
  return ['apprentissage'];
}

/**
 * The structure (built from the directory by the platform's own code), a partner employer
 * inserted by hand, already accepted, and its offers "En cours" (the platform's newOffer and
 * insertOffer).
 */
async function seedStructure(db: PlatformDb, trades: readonly Trade[], random: Random, now: Date) {
  const commune = communeDraw();
  return db.transaction().execute(async (trx) => {
    const nafLabels = new Map(nafSubclasses().map((n) => [n.code, n.label]));
    const structure = await structureFromDirectory(trx, DEMO_CFA_SIRET, nafLabels, {});
    await trx.insertInto('structures').values(structure).execute();
    const author = { id: randomUUID(), structure_id: structure.id };
    const employerId = randomUUID();
    await trx
      .insertInto('employers')
      .values({
        id: employerId,
        structure_id: structure.id,
        siret: structure.siret,
        legal_name: 'BOULANGERIE DU BENCH',
        trade_name: null,
        naf_code: structure.naf_code,
        naf_label: structure.naf_label,
        street: structure.street,
        postal_code: structure.postal_code,
        commune_code: structure.commune_code,
        commune_name: structure.commune_name,
        contact_last_name: 'Lafargue',
        contact_first_name: 'Sophie',
        contact_mail: 'sophie.lafargue@exemple.fr',
        contact_phone: '0556123456',
        status: 'acceptee',
        refusal_reason: null,
        created_by: author.id,
        version: 1,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    for (let i = 0; i < OFFERS; i++) {
      const trade = trades[i % trades.length]!;
      const row = await newOffer(
        trx,
        author,
        randomUUID(),
        {
          employerId,
          title: pick(random, trade.titles),
          romeCode: trade.rome,
          diplomaIds: pick(random, trade.diplomas),
          contractType:
            trade.professionalisation && random() < 0.3 ? 'professionnalisation' : 'apprentissage',
          startDate: isoDay(now.getTime() + (30 + Math.floor(random() * 150)) * DAY_MS),
          durationMonths: 24,
          positions: 1,
          rhythm: null,
          communeCode: commune(random).code,
          description: trade.missions,
          handicapCommitment: random() < 0.3,
          sharedWithStructure: random() < 0.9,
          franceTravail: false,
        },
        now,
      );
      await insertOffer(trx, row);
    }
    return structure.id;
  });
}

/** 10,000 candidates with one project each: half for the offers' métiers, half for any trade. */
async function seedProfiles(
  db: PlatformDb,
  trades: readonly Trade[],
  offered: readonly Trade[],
  random: Random,
  now: Date,
) {
  const commune = communeDraw();
  const candidates: CandidatesTable[] = [];
  const profiles: CandidateProfilesTable[] = [];
  for (let i = 0; i < PROFILES; i++) {
    const createdAt = new Date(now.getTime() - Math.floor(random() * 180) * DAY_MS - i * 1000);
    const candidate: CandidatesTable = {
      id: randomUUID(),
      mail: `candidat.${i}@exemple-candidat.fr`,
      password_hash: 'bench',
      first_name: pick(random, ['Inès', 'Lucas', 'Maëlys', 'Hugo', 'Léa', 'Théo', 'Anaïs', 'Yanis']),
      last_name: pick(random, ['Laborde', 'Etcheverry', 'Dupuy', 'Lacoste', 'Cazenave', 'Fabre']),
      mobile: '0612345678',
      birth_date: isoDay(Date.UTC(2000, 0, 1) + Math.floor(random() * 9 * 365) * DAY_MS),
      created_at: createdAt.toISOString(),
      version: 1,
    };
    candidates.push(candidate);
    const trade = random() < 0.5 ? pick(random, offered) : pick(random, trades);
    const prepared = pick(random, trade.diplomas).map((diplomaId) => ({
      diplomaId,
      state: 'prepare' as const,
    }));
    const held =
      random() < 0.4
        ? [{ diplomaId: pick(random, pick(random, trades).diplomas)[0]!, state: 'obtenu' as const }]
        : [];
    profiles.push(
      newProfile(
        candidate.id,
        {
          romeCode: trade.rome,
          diplomas: [...prepared, ...held],
          communeCode: commune(random).code,
          mobilityKm: pick(random, [5, 10, 15, 20, 30, 40, 50, 80, 100]),
          availableFrom: isoDay(now.getTime() + Math.floor(random() * 240) * DAY_MS),
          contractTypes: contractsOf(random, trade),
          presentation: `Motivé(e) par le métier : ${trade.missions}.`,
          oeth: random() < 0.06,
        },
        createdAt,
      ),
    );
  }
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < PROFILES; i += 500) {
      await trx
        .insertInto('candidates')
        .values(candidates.slice(i, i + 500))
        .execute();
      await trx
        .insertInto('candidate_profiles')
        .values(profiles.slice(i, i + 500))
        .execute();
    }
  });
}

/** Seconds for one full computation of a structure's alerts: 60 offers × 10,000 profiles. */
export async function measureAlerts(): Promise<{ alertsComputeSeconds: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-alerts-'));
  const db = await openPlatformDatabase(path.join(dir, 'platform.sqlite'));
  try {
    const random = seededRandom(2607);
    const now = new Date();
    const trades = Object.values(TRADES_BY_NAF)
      .flat()
      .sort((a, b) => a.rome.localeCompare(b.rome));
    const offered = Array.from({ length: 20 }, () => pick(random, trades));
    await seedDirectory(db);
    const structureId = await seedStructure(db, offered, random, now);
    await seedProfiles(db, trades, offered, random, now);
    const start = performance.now();
    await db.transaction().execute((trx) => recomputeStructureAlerts(trx, structureId, now));
    return { alertsComputeSeconds: Number(((performance.now() - start) / 1000).toFixed(2)) };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await measureAlerts());
}
