import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { communesOfNouvelleAquitaine, diplomas, nafSubclasses, parseCsv, romeEntries } from './load';

// Fingerprints of the rows as csv-parse read them before the loader moved to papaparse (the
// project's one CSV parser): the same files must give exactly the same rows, field for field.
const expected = {
  naf: { count: 732, sha256: '77e00c9bf522e426ba8a8bce220496b88f41e117fa636a03c87a88c80b82ae1c' },
  communes: { count: 4305, sha256: 'e9eb9cec09994f83051789ef8f0d5803d6c523fb2fc91a85ac9f91f33a1860b9' },
  rome: { count: 1584, sha256: '54192dcecdf8ea8094f2435416de34f84f613145000b4c5d1827fa8c61e435fc' },
  diplomas: { count: 318, sha256: 'f1f5a83a2f951610f2e7a621126913194349907b875bcadcc81a633971619ec9' },
};

const fingerprint = (rows: unknown[]) => ({
  count: rows.length,
  sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
});

describe('the referential files', () => {
  it('load the same rows as before, field for field', () => {
    expect(fingerprint(nafSubclasses())).toEqual(expected.naf);
    expect(fingerprint(communesOfNouvelleAquitaine())).toEqual(expected.communes);
    expect(fingerprint(romeEntries())).toEqual(expected.rome);
    expect(fingerprint(diplomas())).toEqual(expected.diplomas);
  });

  it('keep accents, apostrophes, commas inside quotes and numbers', () => {
    expect(nafSubclasses()[0]).toEqual({
      code: '01.11Z',
      label: "Culture de céréales (à l'exception du riz), de légumineuses et de graines oléagineuses",
      sectionCode: 'A',
      sectionLabel: 'Agriculture, sylviculture et pêche',
    });
    expect(communesOfNouvelleAquitaine()[0]).toEqual({
      code: '16001',
      name: 'Abzac',
      postalCode: '16500',
      departementCode: '16',
      departementName: 'Charente',
      latitude: 46.09989,
      longitude: 0.71745,
      population: 510,
    });
    expect(romeEntries().at(-1)).toEqual({
      code: 'N4403',
      label: 'Opérateur / Opératrice ferroviaire',
      domainCode: 'N44',
    });
    expect(diplomas()[0]).toEqual({ id: 'cap-cuisine', label: 'CAP Cuisine', kind: 'CAP', level: 3 });
  });
});

describe('parseCsv', () => {
  // Unlike csv-parse's trim, papaparse reads a space before an opening quote as data: the
  // files have none (the fingerprints above prove it).
  it('keys rows by the header, trims values, keeps quoted commas and skips empty lines', () => {
    const text = 'code , libelle\r\n A1 ,"Vente, conseil" \r\n\r\nB2,"Dit ""le chef"""\r\n';
    expect(parseCsv(text)).toEqual([
      { code: 'A1', libelle: 'Vente, conseil' },
      { code: 'B2', libelle: 'Dit "le chef"' },
    ]);
  });

  it('refuses a damaged file, naming it and the line', () => {
    expect(() => parseCsv('code,libelle\nA1,Vente\nB2\n', 'rome.csv')).toThrow(/^rome\.csv, ligne 3 : /);
    expect(() => parseCsv('code,libelle\nA1,Vente,en trop\n', 'rome.csv')).toThrow(/^rome\.csv, ligne 2 : /);
  });
});
