import { describe, expect, it } from 'vitest';
import { fieldsFromIssues } from '../ipc/errors';
import { profilesQuerySchema, RADIUS_NEEDS_COMMUNE } from './profiles';

const BORDEAUX = '33063';

/** The French message of each refused field, or {} when the query is valid. */
function errorsOf(input: Record<string, unknown>): Record<string, string> {
  const result = profilesQuerySchema.safeParse(input);
  return result.success ? {} : fieldsFromIssues(result.error.issues);
}

describe('profilesQuerySchema', () => {
  it.each(['', null, undefined])(
    'reads %j kilometres as absent, not as 0 (« this commune only »)',
    (value) => {
      expect(profilesQuerySchema.parse({ commune: BORDEAUX, radiusKm: value, mobilityMinKm: value })).toEqual(
        {
          commune: BORDEAUX,
          page: 1,
        },
      );
      // Without a commune, an absent radius asks for none.
      expect(profilesQuerySchema.parse({ radiusKm: value })).toEqual({ page: 1 });
    },
  );

  it('reads kilometres given as text or as numbers, 0 included', () => {
    expect(profilesQuerySchema.parse({ commune: BORDEAUX, radiusKm: '0', mobilityMinKm: 30 })).toEqual({
      commune: BORDEAUX,
      radiusKm: 0,
      mobilityMinKm: 30,
      page: 1,
    });
  });

  it.each([
    ['-3', 'Le champ « Rayon » ne peut pas être négatif.'],
    ['500', 'Le champ « Rayon » ne doit pas dépasser 200 km.'],
    ['abc', 'Le champ « Rayon » doit être un nombre de kilomètres.'],
    ['12.5', 'Le champ « Rayon » doit être un nombre entier de kilomètres.'],
  ])('refuses the radius %j in French', (value, message) => {
    expect(errorsOf({ commune: BORDEAUX, radiusKm: value })).toEqual({ radiusKm: message });
  });

  it('says the same of the mobility', () => {
    expect(errorsOf({ mobilityMinKm: '-1' })).toEqual({
      mobilityMinKm: 'Le champ « Mobilité » ne peut pas être négatif.',
    });
  });

  it('refuses a radius without a commune', () => {
    expect(errorsOf({ radiusKm: '10' })).toEqual({ radiusKm: RADIUS_NEEDS_COMMUNE });
    expect(errorsOf({ radiusKm: 0 })).toEqual({ radiusKm: RADIUS_NEEDS_COMMUNE });
  });

  it('refuses an empty diploma in French', () => {
    expect(errorsOf({ diploma: '  ' })).toEqual({ diploma: 'Diplôme invalide.' });
    expect(errorsOf({ diploma: 'x'.repeat(101) })).toEqual({ diploma: 'Diplôme invalide.' });
  });
});
