import { describe, it, expect } from 'vitest';
import { communesOfNouvelleAquitaine, nafSubclasses } from '../referentials/load';
import { isValidSiren, isValidSiret, LA_POSTE_SIREN } from '../../shared/validation/siret';
import { headcountBandLabels } from '../../shared/domain/company';
import {
  AGRICOLE_THES_SIRET,
  DEMO_CFA_SIRET,
  FIXED_ESTABLISHMENTS,
  generateDirectory,
  type DirectoryEstablishment,
} from './directory';

const directory = generateDirectory();
const generated = directory.slice(FIXED_ESTABLISHMENTS.length);
const communesByCode = new Map(communesOfNouvelleAquitaine().map((commune) => [commune.code, commune]));
const nafCodes = new Set(nafSubclasses().map((naf) => naf.code));

function bySiret(siret: string): DirectoryEstablishment | undefined {
  return directory.find((establishment) => establishment.siret === siret);
}

describe('generateDirectory', () => {
  it('returns the fixed establishments first, then 240 generated ones by default', () => {
    expect(directory.length).toBeGreaterThanOrEqual(200);
    expect(generated).toHaveLength(240);
    expect(directory.slice(0, FIXED_ESTABLISHMENTS.length)).toEqual(FIXED_ESTABLISHMENTS);
    expect(generateDirectory({ count: 10 })).toHaveLength(FIXED_ESTABLISHMENTS.length + 10);
  });

  it('gives every establishment a valid SIREN and a valid SIRET starting with it', () => {
    for (const { siren, siret } of directory) {
      expect(isValidSiren(siren), siren).toBe(true);
      expect(isValidSiret(siret), siret).toBe(true);
      expect(siret.startsWith(siren), siret).toBe(true);
      expect(siren.startsWith(LA_POSTE_SIREN)).toBe(false);
    }
    for (const { siren } of generated) expect(Number(siren[0])).toBeGreaterThanOrEqual(3);
  });

  it('never repeats a SIRET, and establishments of one company share its name', () => {
    expect(new Set(directory.map((establishment) => establishment.siret)).size).toBe(directory.length);
    const nameBySiren = new Map<string, string>();
    for (const { siren, legalName } of directory) {
      expect(nameBySiren.get(siren) ?? legalName, siren).toBe(legalName);
      nameBySiren.set(siren, legalName);
    }
  });

  it('only uses NAF codes of the official nomenclature, and many of them', () => {
    for (const { nafCode, siret } of directory)
      expect(nafCodes.has(nafCode), `${siret} ${nafCode}`).toBe(true);
    expect(new Set(generated.map((establishment) => establishment.nafCode)).size).toBeGreaterThanOrEqual(30);
  });

  it('places every establishment in a real commune of Nouvelle-Aquitaine, with its postal code and name', () => {
    for (const establishment of directory) {
      const commune = communesByCode.get(establishment.communeCode);
      expect(commune, establishment.communeCode).toBeDefined();
      expect(establishment.postalCode).toBe(commune!.postalCode);
      expect(establishment.communeName).toBe(commune!.name);
    }
  });

  it('fills the other fields in SIRENE style', () => {
    for (const establishment of directory) {
      expect(establishment.legalName).toMatch(/^[A-Z0-9][A-Z0-9 '.-]*$/);
      expect(establishment.street).toMatch(/^[A-Z0-9][A-Z0-9 '-]*[A-Z0-9]$/);
      if (establishment.tradeName !== null) expect(establishment.tradeName).toMatch(/^[A-Z0-9][A-Z0-9 '-]*$/);
      if (establishment.headcountBand !== null)
        expect(headcountBandLabels).toHaveProperty(establishment.headcountBand);
    }
    expect(generated.some((establishment) => establishment.tradeName !== null)).toBe(true);
    expect(generated.some((establishment) => establishment.tradeName === null)).toBe(true);
  });

  it('spreads establishments over the region, big cities first', () => {
    const departements = new Set(
      directory.map((establishment) => communesByCode.get(establishment.communeCode)!.departementCode),
    );
    expect(departements.size).toBeGreaterThanOrEqual(8);
    const inBordeaux = generated.filter((establishment) => establishment.communeCode === '33063').length;
    expect(inBordeaux).toBeGreaterThanOrEqual(3);
    expect(new Set(generated.map((establishment) => establishment.communeCode)).size).toBeGreaterThan(100);
  });

  it('contains some, but few, closed establishments', () => {
    const closed = directory.filter((establishment) => !establishment.active).length;
    expect(closed).toBeGreaterThan(0);
    expect(closed / directory.length).toBeLessThan(0.08);
    for (const fixed of FIXED_ESTABLISHMENTS) expect(fixed.active).toBe(true);
  });

  it('is deterministic for a seed, and another seed gives another directory', () => {
    expect(generateDirectory()).toEqual(directory);
    expect(generateDirectory({ seed: 2024, count: 240 })).toEqual(directory);
    const other = generateDirectory({ seed: 7 });
    expect(other).not.toEqual(directory);
    expect(other.slice(0, FIXED_ESTABLISHMENTS.length)).toEqual(FIXED_ESTABLISHMENTS);
    expect(new Set(other.map((establishment) => establishment.siret)).size).toBe(other.length);
  });

  it('does not share the fixed establishments with its callers', () => {
    const first = generateDirectory({ count: 0 });
    first[0]!.legalName = 'CHANGED';
    expect(FIXED_ESTABLISHMENTS[0]!.legalName).toBe('SAS AGRICOLE THES DE BRETAGNE');
  });
});

describe('fixed establishments', () => {
  it('includes SAS AGRICOLE THES DE BRETAGNE', () => {
    const thes = bySiret(AGRICOLE_THES_SIRET);
    expect(AGRICOLE_THES_SIRET).toBe('92193444400016');
    expect(thes).toMatchObject({
      siren: '921934444',
      legalName: 'SAS AGRICOLE THES DE BRETAGNE',
      nafCode: '01.29Z',
      active: true,
    });
    expect(directory.filter((establishment) => establishment.siret === AGRICOLE_THES_SIRET)).toHaveLength(1);
  });

  it('includes the demo CFA, in Bordeaux', () => {
    expect(isValidSiret(DEMO_CFA_SIRET)).toBe(true);
    const cfa = bySiret(DEMO_CFA_SIRET);
    expect(cfa).toMatchObject({
      nafCode: '85.32Z',
      communeCode: '33063',
      communeName: 'Bordeaux',
      active: true,
    });
    expect(cfa!.legalName).toMatch(/CFA/);
    expect(['12', '21']).toContain(cfa!.headcountBand);
  });

  it('includes training and insertion bodies in several departements', () => {
    const trainingCodes = ['85.32Z', '85.59A', '88.99B'];
    const bodies = FIXED_ESTABLISHMENTS.filter((establishment) =>
      trainingCodes.includes(establishment.nafCode),
    );
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    const departements = new Set(bodies.map((body) => communesByCode.get(body.communeCode)!.departementCode));
    expect(departements.size).toBeGreaterThanOrEqual(5);
  });
});
