import { describe, expect, it } from 'vitest';
import { profilesQuerySchema, RADIUS_NEEDS_COMMUNE } from '../../../shared/domain/profiles';
import {
  addressFromValues,
  addressValue,
  hasAdvancedFilters,
  queryFromAddress,
  searchValuesSchema,
  valuesFromAddress,
  withPage,
  type ProfileSearchValues,
} from './searchState';

const empty: ProfileSearchValues = {
  q: '',
  diploma: null,
  level: null,
  rome: null,
  commune: null,
  radiusKm: '',
  availableBy: '',
  contractType: null,
  oeth: false,
  mobilityMinKm: '',
};

const address = (search: string) => new URLSearchParams(search);

describe('the search of « Rechercher des profils » in the address', () => {
  it('writes only the filters filled in, under French names, from the first page', () => {
    const params = addressFromValues({
      ...empty,
      q: '  pâtisserie  ',
      commune: '64445',
      radiusKm: 10,
      oeth: true,
      mobilityMinKm: 0,
    });
    expect(params.toString()).toBe('recherche=p%C3%A2tisserie&commune=64445&rayon=10&oeth=oui&mobilite=0');
  });

  it('reads back the form it wrote', () => {
    const values: ProfileSearchValues = {
      q: 'cuisine',
      diploma: 'cap-cuisine',
      level: '4',
      rome: 'G1602',
      commune: '33063',
      radiusKm: 25,
      availableBy: '2026-09-01',
      contractType: 'apprentissage',
      oeth: true,
      mobilityMinKm: 30,
    };
    expect(valuesFromAddress(addressFromValues(values))).toEqual(values);
    expect(valuesFromAddress(address(''))).toEqual(empty);
    // A field (and the core's error on it) goes by the query's name, whatever the address says.
    expect(addressValue(values, 'radiusKm')).toBe('25');
    expect(addressValue(values, 'oeth')).toBe('oui');
    expect(addressValue(empty, 'commune')).toBe('');
  });

  it('keeps a mistyped number as text, so the field shows it with its error', () => {
    expect(valuesFromAddress(address('rayon=abc')).radiusKm).toBe('abc');
    expect(valuesFromAddress(address('rayon=-3')).radiusKm).toBe(-3);
  });

  it('sends the address’s filters as typed under the query’s names, the page included, nothing else', () => {
    const query = queryFromAddress(
      address('recherche=%22patiss*&rayon=500&commune=64999&page=2&utm=x&oeth=&radiusKm=10&q=x'),
    );
    expect(query).toEqual({ q: '"patiss*', radiusKm: '500', commune: '64999', page: '2' });
    expect(
      queryFromAddress(address('diplome=cap-cuisine&niveau=4&metier=G1602&contrat=apprentissage')),
    ).toEqual({ diploma: 'cap-cuisine', level: '4', rome: 'G1602', contractType: 'apprentissage' });
    expect(queryFromAddress(address('disponible=2026-09-01&mobilite=30&oeth=oui'))).toEqual({
      availableBy: '2026-09-01',
      mobilityMinKm: '30',
      oeth: 'true',
    });
    // Not "oui": the core says what is wrong, on the OETH field.
    expect(queryFromAddress(address('oeth=peut-etre'))).toEqual({ oeth: 'peut-etre' });
    expect(profilesQuerySchema.safeParse(queryFromAddress(address('recherche=NEAR&page=3'))).success).toBe(
      true,
    );
  });

  it('opens « Recherche avancée » when the address holds one of its filters', () => {
    expect(hasAdvancedFilters(address('recherche=cuisine&page=2'))).toBe(false);
    expect(hasAdvancedFilters(address('commune=64999&rayon=10'))).toBe(true);
    expect(hasAdvancedFilters(address('oeth=oui'))).toBe(true);
  });

  it('changes the page and nothing else', () => {
    expect(withPage(address('recherche=cuisine'), 3).toString()).toBe('recherche=cuisine&page=3');
    expect(withPage(address('recherche=cuisine&page=3'), 1).toString()).toBe('recherche=cuisine');
  });

  it('checks the form with the channel’s schema, each message on its field', () => {
    const issues = (values: Partial<ProfileSearchValues>) => {
      const result = searchValuesSchema.safeParse({ ...empty, ...values });
      return result.success
        ? {}
        : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(issues({ commune: '64445', radiusKm: 500 })).toEqual({
      radiusKm: 'Le champ « Rayon » ne doit pas dépasser 200 km.',
    });
    expect(issues({ commune: '64445', radiusKm: -3 })).toEqual({
      radiusKm: 'Le champ « Rayon » ne peut pas être négatif.',
    });
    expect(issues({ radiusKm: 10 })).toEqual({ radiusKm: RADIUS_NEEDS_COMMUNE });
    expect(issues({ q: "'; DROP TABLE profiles; --" })).toEqual({});
  });
});
