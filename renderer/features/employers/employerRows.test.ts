import { describe, expect, it } from 'vitest';
import type { LocalEmployer } from '../../../shared/domain/session';
import { search, toRows } from './employerRows';

// The filter of "Suivi des employeurs" folds like every other search (shared/text/fold.ts).

function employer(n: number, tradeName: string, contactLastName = 'Larrieu'): LocalEmployer {
  return {
    id: `e${n}`,
    siret: `1234567890001${n}`,
    legalName: null,
    tradeName,
    nafCode: null,
    nafLabel: null,
    address: null,
    contactLastName,
    contactFirstName: 'Maïté',
    contactMail: 'maite@exemple.fr',
    contactPhone: '+33556123456',
    status: 'acceptee',
    refusalReason: null,
    createdBy: 'Claire Lacoste',
    createdAt: '2026-01-10T09:00:00.000Z',
    version: 1,
    updatedAt: '2026-01-10T09:00:00.000Z',
    syncState: 'synced',
    offersInProgress: 0,
    offersTotal: 0,
  } as LocalEmployer;
}

const rows = toRows([
  employer(1, 'Au Cœur du Pain'),
  employer(2, 'Brasserie Søren', 'Ørsted'),
  employer(3, 'Boulangerie de L’Haÿ-les-Roses'),
  employer(4, 'Pâtisserie Saint\u2011Étienne'),
]);
const names = (query: string) => search(rows, query).map((row) => row.name);

describe('the employer filter', () => {
  it.each([
    ['coeur', ['Au Cœur du Pain']],
    ['Cœur', ['Au Cœur du Pain']],
    ['soren orsted', ['Brasserie Søren']],
    ["l'hay", ['Boulangerie de L’Haÿ-les-Roses']],
    ['saint-etienne', ['Pâtisserie Saint\u2011Étienne']],
  ])('finds « %s »', (query, expected) => {
    expect(names(query)).toEqual(expected);
  });
});
