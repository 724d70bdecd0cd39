import { z } from '../zod';
import type { ContractType } from './offers';
import { distanceKm } from './referentials';

// "Alertes": how well a candidate's profile suits an offer, and why, in French. One pure
// function: the platform computes the structure's alerts with it, the desktop shows its reasons.

export const matchCriteria = ['metier', 'diplome', 'distance', 'disponibilite', 'contrat'] as const;
export type MatchCriterion = (typeof matchCriteria)[number];

/** One criterion's verdict: the sentence staff read ("Même métier", "À 12 km"…). */
export const matchReasonSchema = z.object({
  criterion: z.enum(matchCriteria),
  met: z.boolean(),
  points: z.number().int().nonnegative(),
  text: z.string(),
});
export type MatchReason = z.infer<typeof matchReasonSchema>;

/** The most each criterion gives; they add up to 100. */
export const MATCH_POINTS: Record<MatchCriterion, number> = {
  metier: 35,
  diplome: 25,
  distance: 20,
  disponibilite: 10,
  contrat: 10,
};
/** Same domain (ROME "domaine professionnel"), not the same métier. */
const SAME_DOMAIN_POINTS = 20;
/** Not one of the offer's diplomas, but one of the same level. */
const SAME_LEVEL_POINTS = 15;

/** A profile becomes an alert from this score, if it seeks the offer's contract and can get there. */
export const ALERT_MIN_SCORE = 60;

export interface MatchOffer {
  romeCode: string;
  diplomas: ReadonlyArray<{ id: string; label: string; level: number }>;
  /** The offer's commune centre. */
  latitude: number;
  longitude: number;
  /** aaaa-mm-jj */
  startDate: string;
  contractType: ContractType;
}

export interface MatchProfile {
  romeCode: string;
  diplomas: ReadonlyArray<{ id: string; label: string; level: number; state: 'prepare' | 'obtenu' }>;
  /** The candidate's commune centre. */
  latitude: number;
  longitude: number;
  mobilityKm: number;
  /** aaaa-mm-jj */
  availableFrom: string;
  contractTypes: readonly ContractType[];
}

export interface Match {
  /** 0 to 100. */
  score: number;
  /** One per criterion, in the order of `matchCriteria`. */
  reasons: MatchReason[];
  /** Whether the profile is worth an alert for this offer. */
  alert: boolean;
}

/** French month names, January first. */
export const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** "1er septembre", "15 mars 2027": the year only when it is not the offer's. */
export function frenchDay(isoDate: string, referenceYear?: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const text = `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[month - 1]}`;
  return year === referenceYear ? text : `${text} ${year}`;
}

const contractSought: Record<ContractType, string> = {
  apprentissage: 'un contrat d’apprentissage',
  professionnalisation: 'un contrat de professionnalisation',
  stage: 'un stage',
};

/** The ROME "domaine professionnel" of a métier: its letter and two digits (D11 for D1102). */
export function romeDomain(romeCode: string): string {
  return romeCode.slice(0, 3);
}

function metier(offer: MatchOffer, profile: MatchProfile): MatchReason {
  if (profile.romeCode === offer.romeCode)
    return { criterion: 'metier', met: true, points: MATCH_POINTS.metier, text: 'Même métier' };
  if (romeDomain(profile.romeCode) === romeDomain(offer.romeCode))
    return { criterion: 'metier', met: true, points: SAME_DOMAIN_POINTS, text: 'Métier du même domaine' };
  return { criterion: 'metier', met: false, points: 0, text: 'Autre métier' };
}

function diplome(offer: MatchOffer, profile: MatchProfile): MatchReason {
  const wanted = new Set(offer.diplomas.map((d) => d.id));
  // A diploma held says more than one in preparation.
  const same = [...profile.diplomas]
    .sort((a, b) => (a.state === b.state ? 0 : a.state === 'obtenu' ? -1 : 1))
    .find((d) => wanted.has(d.id));
  if (same)
    return {
      criterion: 'diplome',
      met: true,
      points: MATCH_POINTS.diplome,
      text: `${same.state === 'obtenu' ? 'Titulaire du diplôme' : 'Prépare le diplôme'} « ${same.label} »`,
    };
  const levels = new Set(offer.diplomas.map((d) => d.level));
  const level = profile.diplomas.find((d) => levels.has(d.level))?.level;
  if (level !== undefined)
    return {
      criterion: 'diplome',
      met: true,
      points: SAME_LEVEL_POINTS,
      text: `Même niveau de diplôme (niveau ${level})`,
    };
  return { criterion: 'diplome', met: false, points: 0, text: 'Ni le diplôme ni le niveau de l’offre' };
}

function distance(offer: MatchOffer, profile: MatchProfile): MatchReason {
  const km = Math.round(distanceKm(offer, profile));
  const where = km === 0 ? 'Dans la même commune' : `À ${km} km`;
  if (km <= profile.mobilityKm)
    return { criterion: 'distance', met: true, points: MATCH_POINTS.distance, text: where };
  return {
    criterion: 'distance',
    met: false,
    points: 0,
    text: `${where}, au-delà de sa mobilité (${profile.mobilityKm} km)`,
  };
}

function disponibilite(offer: MatchOffer, profile: MatchProfile): MatchReason {
  const day = frenchDay(profile.availableFrom, Number(offer.startDate.slice(0, 4)));
  // ISO days compare as text.
  if (profile.availableFrom <= offer.startDate)
    return {
      criterion: 'disponibilite',
      met: true,
      points: MATCH_POINTS.disponibilite,
      text: `Disponible au ${day}`,
    };
  return {
    criterion: 'disponibilite',
    met: false,
    points: 0,
    text: `Disponible seulement au ${day}`,
  };
}

function contrat(offer: MatchOffer, profile: MatchProfile): MatchReason {
  const sought = contractSought[offer.contractType];
  if (profile.contractTypes.includes(offer.contractType))
    return { criterion: 'contrat', met: true, points: MATCH_POINTS.contrat, text: `Cherche ${sought}` };
  return { criterion: 'contrat', met: false, points: 0, text: `Ne cherche pas ${sought}` };
}

/** How well `profile` suits `offer`: a score out of 100 and one reason per criterion. */
export function matchProfile(offer: MatchOffer, profile: MatchProfile): Match {
  const reasons = [metier, diplome, distance, disponibilite, contrat].map((criterion) =>
    criterion(offer, profile),
  );
  const score = reasons.reduce((sum, reason) => sum + reason.points, 0);
  const met = (criterion: MatchCriterion) => reasons.find((r) => r.criterion === criterion)!.met;
  return {
    score,
    reasons,
    alert: score >= ALERT_MIN_SCORE && met('contrat') && met('distance'),
  };
}
