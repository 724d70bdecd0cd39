/**
 * The demo's partner employers and offers: the demo CFA's (about 20 employers of the directory,
 * 60 offers in the three tabs, a few not shared), and three other registered structures whose
 * offers fill "Consulter toutes les offres" across Nouvelle-Aquitaine.
 *
 * Everything but dates is drawn from fixed seeds: the same employers, contacts, titles and
 * numbers on every fresh platform. Dates are relative to the seeding day, so that offers "En
 * cours" stay online for months after it. Idempotent: ids are fixed, what exists is left alone.
 */
import type { ContractType, OfferFields, OfferStatus } from '../../shared/domain/offers';
import { distanceKm } from '../../shared/domain/referentials';
import { DAY_MS, pick, seededRandom } from '../../shared/random';
import type { PlatformDb } from '../db/open';
import type { OffersTable } from '../db/schema';
import { screenEmployer } from '../employers/screening';
import { addMonths } from '../offers/lifetime';
import { insertOffer, newOffer } from '../offers/new-offer';
import { communeByCode, diplomaById, romeByCode } from '../referentials/lookups';
import { recordEmployer, recordStructure } from '../sync/log';
import { DEMO_GESTIONNAIRE, DEMO_OBSERVATION_HOSTS, DEMO_REFERENT, structureFromDirectory } from './demo';
import {
  DEMO_CFA_SIRET,
  FIXED_ESTABLISHMENTS,
  generateDirectory,
  list,
  type DirectoryEstablishment,
} from './directory';
import { TRADES_BY_NAF, type Trade } from './trades';
import { fold } from '../../shared/text/fold';

type Random = () => number;

/** A UUID (version 4 layout) drawn from a seeded generator: the same on every platform. */
export function seededUuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 3) | 8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// The structures and their partners
// ---------------------------------------------------------------------------------------------

/**
 * Training organisations of the directory registered as structures without any demo account
 * (their staff use the platform from elsewhere), each with its own partners and offers.
 */
export const DEMO_PARTNER_STRUCTURES = [
  {
    siret: '43129806600017',
    name: 'AFML Formation',
    email: 'alternance@afml-formation.fr',
    phone: '+33555104422',
    employers: 7,
  },
  {
    siret: '78195430000039',
    name: 'CFA interprofessionnel de l’Aunis',
    email: 'entreprises@cfa-aunis.fr',
    phone: '+33546306712',
    employers: 7,
  },
  {
    siret: '88412657400018',
    name: 'Landes Alternance',
    email: 'contact@landes-alternance.fr',
    phone: '+33558052290',
    employers: 6,
  },
] as const;

/** How the demo CFA's staff write its name. */
export const DEMO_CFA_NAME = 'CFA Gironde Métiers';

/** How many partner employers the demo CFA has, all accepted. */
export const DEMO_EMPLOYER_COUNT = 20;

const directory = generateDirectory();
const reserved = new Set<string>([
  ...FIXED_ESTABLISHMENTS.map((establishment) => establishment.siret),
  ...DEMO_OBSERVATION_HOSTS.map((host) => host.siret),
]);

/** Open establishments of the directory whose trade the seed knows how to recruit for. */
const recruiters = directory.filter(
  (establishment) =>
    establishment.active && !reserved.has(establishment.siret) && TRADES_BY_NAF[establishment.nafCode],
);

function centreOf(communeCode: string) {
  const commune = communeByCode().get(communeCode);
  if (!commune) throw new Error(`commune ${communeCode} absente du référentiel`);
  return commune;
}

/** The `count` recruiters nearest to the structure, no more than two of a trade, none already taken. */
function nearestPartners(siret: string, count: number, taken: Set<string>): DirectoryEstablishment[] {
  const structure = directory.find((establishment) => establishment.siret === siret)!;
  const centre = centreOf(structure.communeCode);
  const byDistance = recruiters
    .filter((establishment) => !taken.has(establishment.siret))
    .map((establishment) => ({ establishment, km: distanceKm(centre, centreOf(establishment.communeCode)) }))
    .sort((a, b) => a.km - b.km || a.establishment.siret.localeCompare(b.establishment.siret));
  const perTrade = new Map<string, number>();
  const chosen: DirectoryEstablishment[] = [];
  for (const { establishment } of byDistance) {
    const sameTrade = perTrade.get(establishment.nafCode) ?? 0;
    if (sameTrade >= 2) continue;
    perTrade.set(establishment.nafCode, sameTrade + 1);
    chosen.push(establishment);
    taken.add(establishment.siret);
    if (chosen.length === count) break;
  }
  return chosen;
}

const takenByPartners = new Set<string>();
const demoPartners = nearestPartners(DEMO_CFA_SIRET, DEMO_EMPLOYER_COUNT, takenByPartners);
const otherPartners = DEMO_PARTNER_STRUCTURES.map((structure) =>
  nearestPartners(structure.siret, structure.employers, takenByPartners),
);

// ---------------------------------------------------------------------------------------------
// Contact persons
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = list(`
  Sophie, Julien, Nathalie, Thomas, Céline, Mathieu, Aurélie, Nicolas, Élodie, Laurent, Sandrine, Maxime,
  Camille, Benoît, Pascale, Xabi, Maïté, Gaëtan, Léa, Manon, Hugo, Isabelle, Fabrice, Romain, Chloé, Bastien,
  Marion, Vincent, Émilie, Jérôme
`);
const LAST_NAMES = list(`
  Lafargue, Dubos, Laborde, Ducasse, Darrieutort, Etcheverry, Bordenave, Larroque, Dupouy, Lasserre,
  Cazenave, Labat, Salles, Lalanne, Dufau, Castagnet, Barrère, Laporte, Duprat, Lamarque, Fourcade, Lagarde,
  Maurel, Chastang, Mazaud, Faure, Delage, Peyrat, Lachaud, Vergne, Raynaud, Boisseau, Giraud, Bonnin,
  Moreau, Brunet, Pineau, Audouin, Texier, Harambure
`);

const LEGAL_FORMS = /^(SARL|SAS|SASU|EURL|SCEA|EARL|GFA|SELARL|SELAS|SNC|SCP|SCM|SA|SCA|ASSOCIATION)\s+/;

/** "sarl-boulangerie-dubos" → a plausible web domain; accents and punctuation go. */
function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const SMALL_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'au', 'aux', 'd', 'l']);

/** "BOULANGERIE DU CENTRE" → "Boulangerie du Centre", as staff would write it in a description. */
function displayName(sireneName: string): string {
  return sireneName
    .toLowerCase()
    .split(/(?=[\s'-])|(?<=[\s'-])/)
    .map((word, index) =>
      index > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join('');
}

type Author = 'referent' | 'gestionnaire' | 'staff';

interface PlannedEmployer {
  id: string;
  /** Who sent the request ("Ajouter un employeur"). */
  author: Author;
  siret: string;
  nafCode: string;
  name: string;
  communeCode: string;
  contactFirstName: string;
  contactLastName: string;
  contactMail: string;
  contactPhone: string;
}

function planEmployers(
  partners: DirectoryEstablishment[],
  seed: number,
  authorOf: (index: number) => Author,
): PlannedEmployer[] {
  const random = seededRandom(seed);
  return partners.map((establishment, index) => {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    const name = establishment.tradeName ?? establishment.legalName;
    const domain = slug(establishment.legalName.replace(LEGAL_FORMS, '')).slice(0, 40);
    const phonePrefix = random() < 0.6 ? '5' : pick(random, ['6', '7']);
    const digits = Array.from({ length: 8 }, () => Math.floor(random() * 10)).join('');
    return {
      id: seededUuid(random),
      author: authorOf(index),
      siret: establishment.siret,
      nafCode: establishment.nafCode,
      name,
      communeCode: establishment.communeCode,
      contactFirstName: first,
      contactLastName: last,
      contactMail: `${slug(first)}.${slug(last)}@${domain}.fr`,
      contactPhone: `+33${phonePrefix}${digits}`,
    };
  });
}

const demoEmployers = planEmployers(demoPartners, 5001, (index) =>
  index % 3 === 2 ? 'gestionnaire' : 'referent',
);
const otherEmployers = otherPartners.map((partners, index) =>
  planEmployers(partners, 5101 + index, () => 'staff'),
);

/** The demo CFA's partner employers (all accepted), with their contact person. */
export const DEMO_EMPLOYERS: ReadonlyArray<
  Pick<PlannedEmployer, 'siret' | 'name' | 'contactFirstName' | 'contactLastName' | 'contactMail'>
> = demoEmployers.map(({ siret, name, contactFirstName, contactLastName, contactMail }) => ({
  siret,
  name,
  contactFirstName,
  contactLastName,
  contactMail,
}));

/** An accepted partner of the demo CFA: adding it again is refused ("déjà partenaire"). */
export const DEMO_PARTNER_SIRET = demoEmployers[0]!.siret;

/** An open establishment of the directory, near Bordeaux, that no seeded structure has as partner. */
export const DEMO_NOT_PARTNER_SIRET = nearestPartners(DEMO_CFA_SIRET, 1, new Set(takenByPartners))[0]!.siret;

/** A closed establishment of the directory: adding it is refused ("établissement fermé"). */
export const DIRECTORY_CLOSED_SIRET = directory.find((establishment) => !establishment.active)!.siret;

// ---------------------------------------------------------------------------------------------
// Offers
// ---------------------------------------------------------------------------------------------

/** The demo CFA's offers per tab. */
export const DEMO_OFFER_COUNTS: Record<OfferStatus, number> = { en_cours: 44, pourvue: 9, archivee: 7 };

/** Offers of the demo CFA not shared with the structure, by author (all "En cours"). */
export const DEMO_PRIVATE_OFFERS = { referent: 3, gestionnaire: 3 } as const;

/** Offers "En cours" of the three other structures. */
export const OTHER_STRUCTURES_OFFER_COUNT = 60;

const RHYTHMS = [
  '2 semaines en entreprise, 1 semaine au centre de formation',
  '3 jours en entreprise, 2 jours en formation',
  '1 semaine en entreprise, 1 semaine en formation',
  '3 semaines en entreprise, 1 semaine au centre de formation',
  null,
];

const QUALITIES = [
  'sens du service, ponctualité et goût du travail en équipe',
  'rigueur, autonomie et curiosité',
  'sens du contact et présentation soignée',
  'habileté manuelle et respect des consignes de sécurité',
  'motivation, bonne humeur et envie d’apprendre un métier',
];

/** Usual length of the contract preparing for a diploma, by kind. */
const MONTHS_BY_KIND: Record<string, number> = {
  CAP: 24,
  'CAP agricole': 24,
  BPA: 12,
  BP: 24,
  'Mention complémentaire': 12,
  'Bac pro': 24,
  BTS: 24,
  BTSA: 24,
  BUT: 36,
  'Licence pro': 12,
  'Titre professionnel': 12,
  Master: 24,
  "Diplôme d'ingénieur": 36,
};

interface PlannedOffer {
  id: string;
  employer: PlannedEmployer;
  fields: OfferFields;
  status: OfferStatus;
  author: Author;
  /** Days between publication and the seeding day. */
  ageDays: number;
}

function planOffer(
  random: Random,
  employer: PlannedEmployer,
  structureName: string,
  options: { status: OfferStatus; author: Author; shared: boolean },
): PlannedOffer {
  const trade: Trade = pick(random, TRADES_BY_NAF[employer.nafCode]!);
  const diplomaIds = pick(random, trade.diplomas);
  const diplomas = diplomaIds.map((id) => diplomaById().get(id)!);
  const professional = trade.professionalisation === true && random() < 0.4;
  const internship = !professional && random() < 0.05;
  const contractType: ContractType = internship
    ? 'stage'
    : professional
      ? 'professionnalisation'
      : 'apprentissage';
  const title = internship
    ? `Stage en entreprise – ${romeByCode().get(trade.rome)!.label}`
    : pick(random, trade.titles);
  const ageDays =
    options.status === 'archivee'
      ? 190 + Math.floor(random() * 120)
      : options.status === 'pourvue'
        ? 30 + Math.floor(random() * 140)
        : 1 + Math.floor(random() * 150);
  const place = displayName(employer.name.replace(LEGAL_FORMS, ''));
  const description = [
    internship ? `${place} accueille un ou une stagiaire.` : `${place} recrute : ${title.toLowerCase()}.`,
    `Vos missions : ${trade.missions}.`,
    `Formation : ${diplomas.map((d) => d.label).join(' ou ')}, en alternance avec ${structureName}.`,
    `Qualités attendues : ${pick(random, QUALITIES)}.`,
  ].join('\n\n');
  return {
    id: seededUuid(random),
    employer,
    fields: {
      employerId: employer.id,
      title,
      romeCode: trade.rome,
      diplomaIds,
      contractType,
      // Filled in by seedOffers from the publication date.
      startDate: '',
      durationMonths: internship ? 2 : (MONTHS_BY_KIND[diplomas[0]!.kind] ?? 24),
      positions: random() < 0.8 ? 1 : 2 + Math.floor(random() * 2),
      rhythm: internship ? null : pick(random, RHYTHMS),
      communeCode: employer.communeCode,
      description,
      handicapCommitment: random() < 0.35,
      sharedWithStructure: options.shared,
      franceTravail: random() < 0.4,
    },
    status: options.status,
    author: options.author,
    ageDays,
  };
}

/** Positions in the demo CFA's list of the offers not shared, by author. */
const PRIVATE_BY_GESTIONNAIRE = new Set([4, 17, 30]);
const PRIVATE_BY_REFERENT = new Set([9, 22, 38]);

function planDemoOffers(): PlannedOffer[] {
  const random = seededRandom(6001);
  const total = DEMO_OFFER_COUNTS.en_cours + DEMO_OFFER_COUNTS.pourvue + DEMO_OFFER_COUNTS.archivee;
  return Array.from({ length: total }, (_, index) => {
    const status: OfferStatus =
      index < DEMO_OFFER_COUNTS.en_cours
        ? 'en_cours'
        : index < DEMO_OFFER_COUNTS.en_cours + DEMO_OFFER_COUNTS.pourvue
          ? 'pourvue'
          : 'archivee';
    const privateTo = PRIVATE_BY_GESTIONNAIRE.has(index)
      ? 'gestionnaire'
      : PRIVATE_BY_REFERENT.has(index)
        ? 'referent'
        : undefined;
    return planOffer(random, demoEmployers[index % demoEmployers.length]!, DEMO_CFA_NAME, {
      status,
      author: privateTo ?? (index % 3 === 1 ? 'gestionnaire' : 'referent'),
      shared: privateTo === undefined,
    });
  });
}

function planOtherOffers(index: number): PlannedOffer[] {
  const random = seededRandom(6101 + index);
  const structure = DEMO_PARTNER_STRUCTURES[index]!;
  const employers = otherEmployers[index]!;
  const count = OTHER_STRUCTURES_OFFER_COUNT / DEMO_PARTNER_STRUCTURES.length;
  return Array.from({ length: count }, (_, i) =>
    planOffer(random, employers[i % employers.length]!, structure.name, {
      status: 'en_cours',
      author: 'staff',
      shared: true,
    }),
  );
}

/** The first day of the month after `days` from `date`, as apprenticeships usually start. */
function startDateAfter(date: Date, days: number): string {
  const later = new Date(date.getTime() + days * DAY_MS);
  return new Date(Date.UTC(later.getUTCFullYear(), later.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

const demoOffers = planDemoOffers();

/** What the candidates' seed (./demo-candidates.ts) aims its profiles and applications at. */
export const DEMO_OFFER_PLANS: ReadonlyArray<{
  id: string;
  title: string;
  romeCode: string;
  diplomaIds: readonly string[];
  communeCode: string;
  status: OfferStatus;
  shared: boolean;
  author: 'referent' | 'gestionnaire';
  /** Days between publication and the seeding day. */
  ageDays: number;
}> = demoOffers.map((offer) => ({
  id: offer.id,
  title: offer.fields.title,
  romeCode: offer.fields.romeCode,
  diplomaIds: offer.fields.diplomaIds,
  communeCode: offer.fields.communeCode,
  status: offer.status,
  shared: offer.fields.sharedWithStructure,
  author: offer.author === 'gestionnaire' ? 'gestionnaire' : 'referent',
  ageDays: offer.ageDays,
}));
const otherOffers = DEMO_PARTNER_STRUCTURES.map((_, index) => planOtherOffers(index));
/** The other structures' staff are no demo accounts: one fixed id stands for each one's authors. */
const STAFF_IDS = DEMO_PARTNER_STRUCTURES.map((_, index) => seededUuid(seededRandom(7001 + index)));

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

interface SeededStructure {
  id: string;
  employers: PlannedEmployer[];
  offers: PlannedOffer[];
  authors: Record<Author, string>;
}

async function existingIds(
  db: PlatformDb,
  table: 'employers' | 'offers',
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

async function seedStructure(
  trx: PlatformDb,
  nafLabels: ReadonlyMap<string, string>,
  now: Date,
  plan: SeededStructure,
): Promise<void> {
  const presentEmployers = await existingIds(
    trx,
    'employers',
    plan.employers.map((e) => e.id),
  );
  const accepted = new Set(presentEmployers);
  for (const employer of plan.employers) {
    if (presentEmployers.has(employer.id)) continue;
    const row = await screenEmployer(trx, nafLabels, {
      structureId: plan.id,
      createdBy: plan.authors[employer.author],
      now: new Date(now.getTime() - 320 * DAY_MS).toISOString(),
      body: {
        id: employer.id,
        siret: employer.siret,
        contactLastName: employer.contactLastName,
        contactFirstName: employer.contactFirstName,
        contactMail: employer.contactMail,
        contactPhone: employer.contactPhone,
      },
    });
    // A partner added by hand before this seed ran keeps its place; the planned one is left out.
    if (row.status !== 'acceptee') continue;
    await trx.insertInto('employers').values(row).execute();
    await recordEmployer(trx, row);
    accepted.add(employer.id);
  }

  const presentOffers = await existingIds(
    trx,
    'offers',
    plan.offers.map((o) => o.id),
  );
  for (const offer of plan.offers) {
    if (presentOffers.has(offer.id) || !accepted.has(offer.employer.id)) continue;
    const publishedAt = new Date(now.getTime() - offer.ageDays * DAY_MS);
    const author = { id: plan.authors[offer.author], structure_id: plan.id };
    const fields = { ...offer.fields, startDate: startDateAfter(publishedAt, 10) };
    let row: OffersTable = await newOffer(trx, author, offer.id, fields, publishedAt);
    if (offer.status !== 'en_cours') {
      // Filled some weeks after publication, or archived by the platform at its end date.
      const closedAt =
        offer.status === 'archivee'
          ? new Date(row.archive_at)
          : new Date(Math.min(now.getTime(), addMonths(publishedAt, 2).getTime()));
      row = { ...row, status: offer.status, version: 2, updated_at: closedAt.toISOString() };
    }
    await insertOffer(trx, row);
  }
}

/** The user of the demo CFA with this mail, else its référent (someone took over), else nobody. */
async function demoAuthor(db: PlatformDb, structureId: string, mail: string): Promise<string | undefined> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('mail', '=', mail)
    .where('structure_id', '=', structureId)
    .executeTakeFirst();
  if (user) return user.id;
  const referent = await db
    .selectFrom('users')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('role', '=', 'referent')
    .executeTakeFirst();
  return referent?.id;
}

/** See the top of this file. Runs after seedDemo, which creates the demo CFA and its accounts. */
export async function seedDemoOffers(
  db: PlatformDb,
  nafLabels: ReadonlyMap<string, string>,
  now: Date,
): Promise<void> {
  const planned = [...demoOffers, ...otherOffers.flat()];
  const present = await existingIds(
    db,
    'offers',
    planned.map((offer) => offer.id),
  );
  if (present.size === planned.length) return;

  await db.transaction().execute(async (trx) => {
    const structures: SeededStructure[] = [];
    const demo = await trx
      .selectFrom('structures')
      .select('id')
      .where('siret', '=', DEMO_CFA_SIRET)
      .executeTakeFirst();
    if (demo) {
      const referent = await demoAuthor(trx, demo.id, DEMO_REFERENT.mail);
      const gestionnaire = (await demoAuthor(trx, demo.id, DEMO_GESTIONNAIRE.mail)) ?? referent;
      if (referent && gestionnaire) {
        structures.push({
          id: demo.id,
          employers: demoEmployers,
          offers: demoOffers,
          authors: { referent, gestionnaire, staff: referent },
        });
      }
    }
    for (const [index, other] of DEMO_PARTNER_STRUCTURES.entries()) {
      let structure = await trx
        .selectFrom('structures')
        .select('id')
        .where('siret', '=', other.siret)
        .executeTakeFirst();
      if (!structure) {
        const row = await structureFromDirectory(trx, other.siret, nafLabels, {
          email: other.email,
          phone: other.phone,
        });
        await trx.insertInto('structures').values(row).execute();
        await recordStructure(trx, row);
        structure = row;
      }
      const staff = STAFF_IDS[index]!;
      structures.push({
        id: structure.id,
        employers: otherEmployers[index]!,
        offers: otherOffers[index]!,
        authors: { referent: staff, gestionnaire: staff, staff },
      });
    }
    for (const structure of structures) await seedStructure(trx, nafLabels, now, structure);
  });
}
