/**
 * The demo's candidates and their profiles (one per professional project), drawn from fixed
 * seeds: the same people, names, mails, métiers and diplomas on every fresh platform. Dates
 * (birth, availability, registration) are relative to the seeding day, so that ages stay
 * consistent with the diplomas prepared; the draws never depend on that day.
 *
 * Consistency rules: the métier is one the seeded trades recruit for (mostly those of the demo
 * CFA's offers), the diploma prepared is one of the diplomas that lead to it, at an age people
 * prepare it at in alternance; the diplomas held ("obtenu") are at most of the level prepared and
 * old enough to have been obtained. Candidates live in Nouvelle-Aquitaine, mostly around the demo
 * CFA (Bordeaux).
 */
import type { ProfileCreate } from '../../shared/domain/candidates';
import type { ContractType } from '../../shared/domain/offers';
import { distanceKm, type Diploma } from '../../shared/domain/referentials';
import { DAY_MS, pick, seededRandom, weighted } from '../../shared/random';
import { communesOfNouvelleAquitaine, type Commune } from '../referentials/load';
import { communeByCode, diplomaById, romeByCode } from '../referentials/lookups';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from './candidate-names';
import { presentation, type Gender } from './demo-candidate-texts';
import { DEMO_OFFER_PLANS, seededUuid } from './demo-offers';
import { DEMO_CFA_SIRET, FIXED_ESTABLISHMENTS } from './directory';
import { TRADES_BY_NAF } from './trades';
import { fold } from '../../shared/text/fold';

type Random = () => number;

export const DEMO_CANDIDATE_COUNT = 255;
/** Candidates who declared the OETH (about 6 %). */
export const DEMO_OETH_CANDIDATE_COUNT = 15;
/** Never a real domain (.fr names under "exemple" are not delegated to anyone we know of). */
export const CANDIDATE_MAIL_DOMAIN = 'exemple-candidat.fr';
const SECOND_PROJECT_SHARE = 0.24;
/** How far back the applications of the seed go: candidates registered before. */
export const APPLICATION_WINDOW_DAYS = 56;

const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

// ---------------------------------------------------------------------------------------------
// Métiers and diplomas
// ---------------------------------------------------------------------------------------------

const byLevelThenId = (a: Diploma, b: Diploma) => a.level - b.level || a.id.localeCompare(b.id);

/** The diplomas that lead to each métier the seeded trades recruit for, by ROME code. */
const LADDERS: ReadonlyMap<string, Diploma[]> = (() => {
  const ids = new Map<string, Set<string>>();
  for (const trades of Object.values(TRADES_BY_NAF)) {
    for (const trade of trades) {
      const set = ids.get(trade.rome) ?? new Set<string>();
      for (const choice of trade.diplomas) for (const id of choice) set.add(id);
      ids.set(trade.rome, set);
    }
  }
  return new Map(
    [...ids]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rome, set]) => [rome, [...set].map((id) => diplomaById().get(id)!).sort(byLevelThenId)]),
  );
})();
const ALL_DIPLOMAS = [...new Set([...LADDERS.values()].flat())].sort(byLevelThenId);

const ladderOf = (rome: string) => LADDERS.get(rome)!;
const domainOf = (rome: string) => romeByCode().get(rome)!.domainCode;

/** Diplomas of the métiers of the same ROME domain (D11: food trades), then of the same letter. */
function relatedDiplomas(rome: string, letterOnly: boolean): Diploma[] {
  const related = [...LADDERS.keys()].filter((other) =>
    letterOnly ? other[0] === rome[0] : domainOf(other) === domainOf(rome),
  );
  return [...new Set(related.flatMap(ladderOf))];
}

/** Ages (today) at which people prepare a diploma in alternance. */
export function preparingAges(diploma: Diploma): readonly [number, number] {
  switch (diploma.kind) {
    case 'CAP':
    case 'CAP agricole':
    case 'Bac pro':
      return [16, 19];
    case 'BPA':
      return [16, 20];
    case 'Mention complémentaire':
      return diploma.level === 3 ? [18, 21] : [19, 22];
    case 'BP':
    case 'BTS':
    case 'BTSA':
      return [18, 22];
    case 'BUT':
      return [19, 22];
    case 'Licence pro':
      return [20, 24];
    case 'Master':
      return [22, 27];
    case "Diplôme d'ingénieur":
      return [21, 25];
    case 'Titre professionnel':
      // Adults, often changing careers.
      return [diploma.level <= 4 ? 18 : diploma.level === 5 ? 20 : 22, 30];
  }
}

/** The youngest age at which one holds a diploma of this level. */
export const HOLDING_AGE: Readonly<Record<number, number>> = { 3: 17, 4: 18, 5: 20, 6: 21, 7: 23 };

interface Prerequisite {
  level: number;
  /** Required (1), or how often candidates preparing the diploma already hold one. */
  chance: number;
  /** In the same field (the same métier, else a related one), or any field (a career change). */
  sameField: boolean;
  kinds?: readonly Diploma['kind'][];
}

/** What candidates preparing this diploma usually already hold. */
function prerequisiteOf(diploma: Diploma): Prerequisite {
  switch (diploma.kind) {
    case 'Mention complémentaire':
      return diploma.level === 3
        ? { level: 3, chance: 1, sameField: true, kinds: ['CAP', 'CAP agricole'] }
        : { level: 4, chance: 1, sameField: true, kinds: ['Bac pro', 'BP'] };
    case 'BP':
      return { level: 3, chance: 1, sameField: true, kinds: ['CAP', 'CAP agricole'] };
    case 'Bac pro':
      return { level: 3, chance: 0.25, sameField: true };
    case 'BTS':
    case 'BTSA':
    case 'BUT':
      return { level: 4, chance: 0.6, sameField: true };
    case 'Licence pro':
      return { level: 5, chance: 1, sameField: true };
    case 'Master':
      return { level: 6, chance: 0.7, sameField: true };
    case "Diplôme d'ingénieur":
      return { level: 5, chance: 0.4, sameField: true };
    case 'Titre professionnel':
      return { level: Math.min(diploma.level, 4), chance: 0.4, sameField: false };
    default:
      return { level: 3, chance: 0.12, sameField: false };
  }
}

function heldFor(random: Random, rome: string, prepared: Diploma, prerequisite: Prerequisite) {
  const fits = (d: Diploma) =>
    d.id !== prepared.id &&
    d.level === prerequisite.level &&
    (!prerequisite.kinds || prerequisite.kinds.includes(d.kind));
  const pools = prerequisite.sameField
    ? [ladderOf(rome), relatedDiplomas(rome, false), relatedDiplomas(rome, true), ALL_DIPLOMAS]
    : [ALL_DIPLOMAS];
  for (const pool of pools) {
    const found = pool.filter(fits);
    if (found.length > 0) return pick(random, found);
  }
  return undefined;
}

/** Whether a person of this age holding these diplomas may prepare this one. */
function mayPrepare(diploma: Diploma, age: number, held: Diploma[]): boolean {
  const [min, max] = preparingAges(diploma);
  const prerequisite = prerequisiteOf(diploma);
  return (
    age >= min &&
    age <= max &&
    held.every((h) => h.level <= diploma.level && h.id !== diploma.id) &&
    (prerequisite.chance < 1 ||
      held.some(
        (h) => h.level === prerequisite.level && (!prerequisite.kinds || prerequisite.kinds.includes(h.kind)),
      ))
  );
}

/** The métiers of the demo CFA's offers, as many times as it has offers for them. */
const demoRomeCounts = new Map<string, number>();
for (const offer of DEMO_OFFER_PLANS) {
  demoRomeCounts.set(offer.romeCode, (demoRomeCounts.get(offer.romeCode) ?? 0) + 1);
}
const drawDemoRome = weighted([...demoRomeCounts.keys()].sort(), (rome) => demoRomeCounts.get(rome)!);
/** Web developers are sought at every level, up to masters and engineering schools. */
const drawOtherRome = weighted(
  [...LADDERS.keys()].filter((rome) => !demoRomeCounts.has(rome)),
  (rome) => (rome === 'M1855' ? 4 : 1),
);

/** Most profiles aim at the métiers the demo CFA recruits for: its offers receive applications. */
function drawRome(random: Random): string {
  return random() < 0.7 ? drawDemoRome(random) : drawOtherRome(random);
}

interface Project {
  rome: string;
  prepared: Diploma;
}

function drawProject(random: Random): Project {
  const rome = drawRome(random);
  return { rome, prepared: pick(random, ladderOf(rome)) };
}

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------

const cfaCommune = communeByCode().get(
  FIXED_ESTABLISHMENTS.find((establishment) => establishment.siret === DEMO_CFA_SIRET)!.communeCode,
)!;
const communes = communesOfNouvelleAquitaine();
const nearCfa = (commune: Commune) => distanceKm(commune, cfaCommune) <= 35;
/** Towns weigh more than villages, but not as much as their population (villages have young people too). */
const drawNear = weighted(communes.filter(nearCfa), (c) => Math.sqrt(c.population));
const drawGironde = weighted(
  communes.filter((c) => c.departementCode === cfaCommune.departementCode && !nearCfa(c)),
  (c) => Math.sqrt(c.population),
);
const drawRegion = weighted(
  communes.filter((c) => c.departementCode !== cfaCommune.departementCode),
  (c) => Math.pow(c.population, 0.7),
);

function drawCommune(random: Random, aims: 'cfa' | 'demo-offers' | 'elsewhere'): Commune {
  const draw = random();
  const [near, gironde] = aims === 'cfa' ? [1, 1] : aims === 'demo-offers' ? [0.65, 0.85] : [0.25, 0.4];
  return draw < near ? drawNear(random) : draw < gironde ? drawGironde(random) : drawRegion(random);
}

// ---------------------------------------------------------------------------------------------
// Candidates
// ---------------------------------------------------------------------------------------------

export interface PlannedProfile {
  id: string;
  fields: ProfileCreate;
  createdAt: Date;
}

export interface PlannedCandidate {
  id: string;
  mail: string;
  firstName: string;
  lastName: string;
  gender: Gender;
  /** E.164, in the block of numbers the ARCEP keeps for fiction (06 39 98 xx xx). */
  mobile: string;
  birthDate: string;
  createdAt: Date;
  profiles: PlannedProfile[];
}

interface Identity {
  firstName: string;
  lastName: string;
  gender: Gender;
}

/** "Jean-Baptiste", "Le Gall" → "jean-baptiste", "le-gall". */
function mailPart(name: string): string {
  return fold(name)
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** 1 September of the coming school year (next year's once this one's has passed). */
export function comingSeptember(now: Date): Date {
  const year = now.getUTCFullYear() + (now.getUTCMonth() >= 8 ? 1 : 0);
  return new Date(Date.UTC(year, 8, 1));
}

function drawIdentity(random: Random): Identity {
  const gender: Gender = random() < 0.46 ? 'f' : 'm';
  const firstName = pick(random, gender === 'f' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName =
    random() < 0.05 ? `${pick(random, LAST_NAMES)}-${pick(random, LAST_NAMES)}` : pick(random, LAST_NAMES);
  return { firstName, lastName, gender };
}

function contractTypesFor(random: Random, prepared: Diploma, age: number): ContractType[] {
  // Apprenticeship ends at 29; professionalisation contracts suit titres professionnels and adults.
  if (age >= 30) return ['professionnalisation'];
  if (prepared.kind === 'Titre professionnel') {
    return random() < 0.4 ? ['professionnalisation'] : ['apprentissage', 'professionnalisation'];
  }
  const draw = random();
  if (draw < 0.7) return ['apprentissage'];
  if (draw < 0.93 && age >= 18) return ['apprentissage', 'professionnalisation'];
  return ['apprentissage', 'stage'];
}

interface CandidateOptions {
  identity?: Identity;
  projects?: Project[];
  oeth: boolean;
}

function planCandidate(index: number, now: Date, options: CandidateOptions): PlannedCandidate {
  const random = seededRandom(80_000 + index);
  const id = seededUuid(random);
  const identity = options.identity ?? drawIdentity(random);

  const first = options.projects?.[0] ?? drawProject(random);
  const forcedOthers = options.projects?.slice(1) ?? [];
  let [minAge, maxAge] = preparingAges(first.prepared);
  for (const other of forcedOthers) {
    const [min, max] = preparingAges(other.prepared);
    [minAge, maxAge] = [Math.max(minAge, min), Math.min(maxAge, max)];
  }
  const prerequisite = prerequisiteOf(first.prepared);
  const holdingAge = HOLDING_AGE[prerequisite.level]!;
  const wantsHeld = random() < prerequisite.chance && holdingAge <= maxAge;
  if (wantsHeld) minAge = Math.max(minAge, holdingAge);
  // Younger candidates are more numerous.
  const age = minAge + Math.floor(Math.pow(random(), 1.4) * (maxAge - minAge + 1));
  const heldDiploma = wantsHeld ? heldFor(random, first.rome, first.prepared, prerequisite) : undefined;
  const held = heldDiploma && HOLDING_AGE[heldDiploma.level]! <= age ? [heldDiploma] : [];

  const projects: Project[] = [first, ...forcedOthers];
  if (!options.projects && random() < SECOND_PROJECT_SHARE) {
    for (let attempt = 0; attempt < 12; attempt++) {
      const rome =
        random() < 0.5
          ? pick(
              random,
              [...LADDERS.keys()].filter((r) => r[0] === first.rome[0]),
            )
          : drawRome(random);
      if (rome === first.rome) continue;
      const possible = ladderOf(rome).filter((d) => mayPrepare(d, age, held));
      if (possible.length === 0) continue;
      projects.push({ rome, prepared: pick(random, possible) });
      break;
    }
  }

  // Born `age` years and a few days to a year before today; 16-year-olds were already 16 at
  // the oldest application of the seed.
  const anniversary = new Date(Date.UTC(now.getUTCFullYear() - age, now.getUTCMonth(), now.getUTCDate()));
  const daysSince = between(random, age === 16 ? APPLICATION_WINDOW_DAYS + 5 : 0, 360);
  const birthDate = isoDate(new Date(anniversary.getTime() - daysSince * DAY_MS));

  const commune = drawCommune(
    random,
    options.projects ? 'cfa' : demoRomeCounts.has(first.rome) ? 'demo-offers' : 'elsewhere',
  );
  const mobilityKm =
    age <= 17 ? pick(random, [5, 10, 15, 20, 25, 30]) : pick(random, [10, 15, 20, 25, 30, 40, 50, 60, 80]);
  const createdAt = new Date(now.getTime() - (80 + random() * 240) * DAY_MS);

  const profiles = projects.map((project, rank): PlannedProfile => {
    const profileId = seededUuid(random);
    const soon = random() < 0.35;
    const shift = soon ? between(random, 0, 45) : between(random, -14, 21);
    const available = soon
      ? new Date(now.getTime() + shift * DAY_MS)
      : new Date(Math.max(now.getTime(), comingSeptember(now).getTime() + shift * DAY_MS));
    const availableFrom = isoDate(available);
    const profileMobility = rank === 0 || random() < 0.7 ? mobilityKm : pick(random, [10, 20, 30, 50]);
    const fields: ProfileCreate = {
      romeCode: project.rome,
      diplomas: [
        { diplomaId: project.prepared.id, state: 'prepare' },
        ...held.map((h) => ({ diplomaId: h.id, state: 'obtenu' as const })),
      ],
      communeCode: commune.code,
      mobilityKm: profileMobility,
      availableFrom,
      contractTypes: contractTypesFor(random, project.prepared, age),
      presentation: presentation(random, {
        gender: identity.gender,
        age,
        romeLabel: romeByCode().get(project.rome)!.label,
        prepared: project.prepared,
        obtained: held,
        communeName: commune.name,
        mobilityKm: profileMobility,
        availableFrom,
        secondProject: rank > 0,
      }),
      oeth: options.oeth,
    };
    const after = rank === 0 ? random() * 2 * 3_600_000 : between(random, 1, 20) * DAY_MS;
    return { id: profileId, fields, createdAt: new Date(createdAt.getTime() + after) };
  });

  return {
    id,
    mail: `${mailPart(identity.firstName)}.${mailPart(identity.lastName)}.${index + 1}@${CANDIDATE_MAIL_DOMAIN}`,
    ...identity,
    mobile: `+3363998${String(index).padStart(4, '0')}`,
    birthDate,
    createdAt,
    profiles,
  };
}

// ---------------------------------------------------------------------------------------------
// The two candidates the README and the end-to-end tests name
// ---------------------------------------------------------------------------------------------

const openShared = DEMO_OFFER_PLANS.filter((offer) => offer.status === 'en_cours' && offer.shared);
const diplomaOf = (id: string) => diplomaById().get(id)!;
/** A diploma of the offer that needs no other one first (a forced project holds nothing). */
const freeDiplomaOf = (offer: (typeof openShared)[number]) =>
  offer.diplomaIds.map(diplomaOf).find((d) => prerequisiteOf(d).chance < 1);

/** The offer "En cours" the OETH candidate applied to: at CAP level, published days ago. */
export const OETH_TARGET_OFFER = openShared.find(
  (offer) => offer.ageDays >= 3 && freeDiplomaOf(offer)?.level === 3,
)!;

/**
 * The demo candidate's two projects: the métiers of the most offers "En cours", in one ROME
 * letter, at diplomas prepared at the same age, so that tests and testers have offers to apply to.
 */
function demoCandidateProjects(): Project[] {
  const counts = new Map<string, number>();
  for (const offer of openShared) counts.set(offer.romeCode, (counts.get(offer.romeCode) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rome]) => rome);
  const projectOf = (rome: string): Project | undefined => {
    const diploma = openShared
      .filter((o) => o.romeCode === rome)
      .map(freeDiplomaOf)
      .find(Boolean);
    return diploma && { rome, prepared: diploma };
  };
  for (const rome of ranked) {
    const first = projectOf(rome);
    if (!first) continue;
    const [min, max] = preparingAges(first.prepared);
    for (const otherRome of ranked) {
      const second = otherRome !== rome && otherRome[0] === rome[0] ? projectOf(otherRome) : undefined;
      if (!second) continue;
      const [otherMin, otherMax] = preparingAges(second.prepared);
      if (Math.max(min, otherMin) <= Math.min(max, otherMax)) return [first, second];
    }
  }
  throw new Error('aucun couple de métiers pour le candidat de démonstration');
}

const DEMO_CANDIDATE_IDENTITY: Identity = { firstName: 'Inès', lastName: 'Laborde', gender: 'f' };
const DEMO_OETH_IDENTITY: Identity = { firstName: 'Théo', lastName: 'Castaing', gender: 'm' };

/** Which candidates declared the OETH: the demo one (index 1) and others drawn once. */
const oethIndexes = (() => {
  const random = seededRandom(8002);
  const others = Array.from({ length: DEMO_CANDIDATE_COUNT - 2 }, (_, i) => i + 2);
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  return new Set([1, ...others.slice(0, DEMO_OETH_CANDIDATE_COUNT - 1)]);
})();

/** Every demo candidate, the demo candidate first, then the OETH one. */
export function planCandidates(now: Date): PlannedCandidate[] {
  return Array.from({ length: DEMO_CANDIDATE_COUNT }, (_, index) => {
    const oeth = oethIndexes.has(index);
    if (index === 0) {
      return planCandidate(index, now, {
        identity: DEMO_CANDIDATE_IDENTITY,
        projects: demoCandidateProjects(),
        oeth,
      });
    }
    if (index === 1) {
      const prepared = freeDiplomaOf(OETH_TARGET_OFFER)!;
      return planCandidate(index, now, {
        identity: DEMO_OETH_IDENTITY,
        projects: [{ rome: OETH_TARGET_OFFER.romeCode, prepared }],
        oeth,
      });
    }
    return planCandidate(index, now, { oeth });
  });
}
