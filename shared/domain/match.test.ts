import { describe, expect, it } from 'vitest';
import { ALERT_MIN_SCORE, frenchDay, matchProfile, type MatchOffer, type MatchProfile } from './match';

// Communes' centre points (INSEE), as in the referential.
const BORDEAUX = { latitude: 44.8378, longitude: -0.5792 };
const MERIGNAC = { latitude: 44.8386, longitude: -0.6436 }; // about 5 km west of Bordeaux
const LIBOURNE = { latitude: 44.9153, longitude: -0.2439 }; // about 28 km east
const PAU = { latitude: 43.2951, longitude: -0.3708 }; // about 172 km south

const CAP_CUISINE = { id: 'cap-cuisine', label: 'CAP Cuisine', level: 3 };
const BAC_PRO_CUISINE = { id: 'bac-pro-cuisine', label: 'Bac pro Cuisine', level: 4 };
const CAP_PATISSIER = { id: 'cap-patissier', label: 'CAP Pâtissier', level: 3 };
const BTS_MCO = { id: 'bts-mco', label: 'BTS Management commercial opérationnel', level: 5 };

/** A cook's apprenticeship in Bordeaux, from 1 September 2026. */
const cookInBordeaux: MatchOffer = {
  romeCode: 'G1602',
  diplomas: [CAP_CUISINE, BAC_PRO_CUISINE],
  ...BORDEAUX,
  startDate: '2026-09-01',
  contractType: 'apprentissage',
};

/** A candidate who suits it in every way. */
const ideal: MatchProfile = {
  romeCode: 'G1602',
  diplomas: [{ ...CAP_CUISINE, state: 'prepare' }],
  ...MERIGNAC,
  mobilityKm: 20,
  availableFrom: '2026-08-15',
  contractTypes: ['apprentissage'],
};

const texts = (profile: MatchProfile, offer = cookInBordeaux) =>
  matchProfile(offer, profile).reasons.map((r) => r.text);

describe('matchProfile', () => {
  it('gives 100 and every reason to a profile that suits the offer in every way', () => {
    const match = matchProfile(cookInBordeaux, ideal);
    expect(match.score).toBe(100);
    expect(match.alert).toBe(true);
    expect(match.reasons.every((r) => r.met)).toBe(true);
    expect(texts(ideal)).toEqual([
      'Même métier',
      'Prépare le diplôme « CAP Cuisine »',
      'À 5 km',
      'Disponible au 15 août',
      'Cherche un contrat d’apprentissage',
    ]);
  });

  it('counts a métier of the same ROME domain for less than the same métier', () => {
    const pastry = { ...ideal, romeCode: 'G1604' };
    const match = matchProfile(cookInBordeaux, pastry);
    expect(match.reasons[0]).toMatchObject({ met: true, points: 20, text: 'Métier du même domaine' });
    expect(match.score).toBe(85);
    const seller = { ...ideal, romeCode: 'D1106' };
    expect(matchProfile(cookInBordeaux, seller).reasons[0]).toMatchObject({
      met: false,
      points: 0,
      text: 'Autre métier',
    });
    expect(matchProfile(cookInBordeaux, seller).score).toBe(65);
  });

  it('prefers a diploma held to one prepared, then the same level, then nothing', () => {
    const both = {
      ...ideal,
      diplomas: [
        { ...BAC_PRO_CUISINE, state: 'prepare' as const },
        { ...CAP_CUISINE, state: 'obtenu' as const },
      ],
    };
    expect(texts(both)[1]).toBe('Titulaire du diplôme « CAP Cuisine »');
    const sameLevel = { ...ideal, diplomas: [{ ...CAP_PATISSIER, state: 'obtenu' as const }] };
    expect(matchProfile(cookInBordeaux, sameLevel).reasons[1]).toMatchObject({
      met: true,
      points: 15,
      text: 'Même niveau de diplôme (niveau 3)',
    });
    const other = { ...ideal, diplomas: [{ ...BTS_MCO, state: 'prepare' as const }] };
    expect(matchProfile(cookInBordeaux, other).reasons[1]).toMatchObject({ met: false, points: 0 });
  });

  it('measures the distance between communes against the candidate’s mobility', () => {
    expect(texts({ ...ideal, ...BORDEAUX })[2]).toBe('Dans la même commune');
    const libourne = matchProfile(cookInBordeaux, { ...ideal, ...LIBOURNE, mobilityKm: 30 });
    expect(libourne.reasons[2]).toMatchObject({ met: true, text: 'À 28 km' });
    const tooFar = matchProfile(cookInBordeaux, { ...ideal, ...LIBOURNE, mobilityKm: 10 });
    expect(tooFar.reasons[2]).toMatchObject({
      met: false,
      points: 0,
      text: 'À 28 km, au-delà de sa mobilité (10 km)',
    });
    // Everything else suits, but the candidate cannot get there: no alert.
    expect(tooFar.score).toBe(80);
    expect(tooFar.alert).toBe(false);
    expect(texts({ ...ideal, ...PAU, mobilityKm: 200 })[2]).toBe('À 172 km');
  });

  it('compares the availability with the offer’s start, naming another year', () => {
    expect(texts({ ...ideal, availableFrom: '2026-09-01' })[3]).toBe('Disponible au 1er septembre');
    const late = matchProfile(cookInBordeaux, { ...ideal, availableFrom: '2026-10-01' });
    expect(late.reasons[3]).toMatchObject({
      met: false,
      points: 0,
      text: 'Disponible seulement au 1er octobre',
    });
    expect(late.score).toBe(90);
    expect(texts({ ...ideal, availableFrom: '2025-12-24' })[3]).toBe('Disponible au 24 décembre 2025');
  });

  it('gives no alert to a candidate who does not seek the offer’s contract, whatever the score', () => {
    const intern = matchProfile(cookInBordeaux, {
      ...ideal,
      contractTypes: ['stage', 'professionnalisation'],
    });
    expect(intern.score).toBe(90);
    expect(intern.reasons[4]).toMatchObject({
      met: false,
      text: 'Ne cherche pas un contrat d’apprentissage',
    });
    expect(intern.alert).toBe(false);
    const internship = { ...cookInBordeaux, contractType: 'stage' as const };
    expect(texts({ ...ideal, contractTypes: ['stage'] }, internship)[4]).toBe('Cherche un stage');
  });

  it('needs the minimum score for an alert', () => {
    // Same level, another domain, on time, reachable, right contract: 15 + 20 + 10 + 10.
    const weak = matchProfile(cookInBordeaux, {
      ...ideal,
      romeCode: 'D1106',
      diplomas: [{ ...CAP_PATISSIER, state: 'prepare' }],
    });
    expect(weak.score).toBe(55);
    expect(weak.score).toBeLessThan(ALERT_MIN_SCORE);
    expect(weak.alert).toBe(false);
    // The same with the offer's diploma: 25 + 20 + 10 + 10.
    const enough = matchProfile(cookInBordeaux, { ...ideal, romeCode: 'D1106' });
    expect(enough.score).toBe(65);
    expect(enough.alert).toBe(true);
  });

  it('is pure: the same inputs give the same answer and are left unchanged', () => {
    const frozen = structuredClone(ideal);
    expect(matchProfile(cookInBordeaux, ideal)).toEqual(matchProfile(cookInBordeaux, ideal));
    expect(ideal).toEqual(frozen);
  });
});

describe('frenchDay', () => {
  it('writes the first of the month as the French do', () => {
    expect(frenchDay('2026-09-01', 2026)).toBe('1er septembre');
    expect(frenchDay('2026-02-28', 2026)).toBe('28 février');
    expect(frenchDay('2027-01-02', 2026)).toBe('2 janvier 2027');
    expect(frenchDay('2027-01-02')).toBe('2 janvier 2027');
  });
});
