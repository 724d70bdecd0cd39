import { describe, expect, it } from 'vitest';
import { isValidSiret } from '../../shared/validation/siret';
import { AGRICOLE_THES_SIRET, generateDirectory } from '../seed/directory';
import { expectProblem, usePlatform } from '../test-support';

const UNKNOWN_SIRET = '44306184100013';

const platform = usePlatform();

function getCompany(siret: string) {
  return platform().app.inject({ method: 'GET', url: `/api/v1/companies/${siret}` });
}

const AGRICOLE_THES = {
  siret: AGRICOLE_THES_SIRET,
  siren: '921934444',
  legalName: 'SAS AGRICOLE THES DE BRETAGNE',
  tradeName: null,
  nafCode: '01.29Z',
  nafLabel: 'Autres cultures permanentes',
  headcountBand: '02',
  address: {
    street: 'LIEU-DIT ELIZALDEA',
    postalCode: '64310',
    communeCode: '64495',
    communeName: 'Saint-Pée-sur-Nivelle',
  },
  active: true,
};

describe('GET /companies/:siret', () => {
  it('returns a known establishment with its name, NAF code and label, and address', async () => {
    const response = await getCompany('92193444400016');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual(AGRICOLE_THES);
  });

  it('needs no authentication', async () => {
    const response = await platform().app.inject({
      method: 'GET',
      url: '/api/v1/companies/92193444400016',
      headers: { authorization: 'Bearer pas-un-jeton' },
    });
    expect(response.statusCode).toBe(200);
  });

  it.each([
    ['spaces', '921%20934%20444%2000016'],
    ['dots', '921.934.444.00016'],
    ['non-breaking spaces', '921%C2%A0934%C2%A0444%C2%A000016'],
  ])('accepts the SIRET typed with %s', async (_why, typed) => {
    const response = await getCompany(typed);
    expect(response.statusCode).toBe(200);
    expect(response.json().siret).toBe(AGRICOLE_THES_SIRET);
  });

  it('gives the label of the NAF code of every establishment of the directory', async () => {
    for (const { siret, nafCode } of generateDirectory().slice(0, 40)) {
      const company = (await getCompany(siret)).json();
      expect(company.nafCode, siret).toBe(nafCode);
      expect(company.nafLabel, siret).not.toBe(nafCode);
      expect(company.nafLabel.length, siret).toBeGreaterThan(3);
    }
  });

  it('answers 404 on the siret field for a valid SIRET absent from the directory', async () => {
    expect(isValidSiret(UNKNOWN_SIRET)).toBe(true);
    expect(generateDirectory().some((e) => e.siret === UNKNOWN_SIRET)).toBe(false);
    const problem = expectProblem(await getCompany(UNKNOWN_SIRET), 404);
    expect(problem).toMatchObject({
      status: 404,
      code: 'siret_unknown',
      detail: 'Aucun établissement trouvé pour ce Siret',
    });
    expect(problem.errors).toEqual([{ field: 'siret', detail: 'Aucun établissement trouvé pour ce Siret' }]);
  });

  it.each([
    ['a wrong check digit', '92193444400017'],
    ['13 digits', '9219344440001'],
    ['15 digits', '921934444000160'],
    ['letters', '9219344440001A'],
    ['a SIREN', '921934444'],
  ])('answers 400 "Numéro de Siret invalide" for %s', async (_why, siret) => {
    const problem = expectProblem(await getCompany(siret), 400);
    expect(problem.code).toBe('validation');
    expect(problem.errors).toEqual([{ field: 'siret', detail: 'Numéro de Siret invalide' }]);
    expect(problem.detail).toContain('Numéro de Siret invalide');
    expect(problem.detail).toContain('« Siret »');
  });
});
