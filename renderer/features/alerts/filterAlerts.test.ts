import { describe, expect, it } from 'vitest';
import { alert, favorite, profile } from '../../test/fixtures';
import { filterFavorites } from '../favorites/filterFavorites';
import { filterAlerts } from './filterAlerts';

const elodie = alert({ score: 95, profile: profile({ firstName: 'Élodie', communeName: 'Bayonne' }) });
const marc = alert({ score: 60, offerTitle: 'Serveur en salle', profile: profile({ firstName: 'Marc' }) });

describe('filterAlerts', () => {
  it('keeps the order and every alert without filters', () => {
    expect(filterAlerts([elodie, marc], { minScore: 0, text: '' })).toEqual([elodie, marc]);
  });

  it('drops those below the minimum score', () => {
    expect(filterAlerts([elodie, marc], { minScore: 61, text: '' })).toEqual([elodie]);
  });

  it('finds every word typed, accents and case aside, in name, métier, commune or offer', () => {
    expect(filterAlerts([elodie, marc], { minScore: 0, text: 'elodie  BAYONNE' })).toEqual([elodie]);
    expect(filterAlerts([elodie, marc], { minScore: 0, text: 'serveur' })).toEqual([marc]);
    expect(filterAlerts([elodie, marc], { minScore: 0, text: 'cuisine' })).toEqual([elodie, marc]);
    expect(filterAlerts([elodie, marc], { minScore: 0, text: 'élodie serveur' })).toEqual([]);
  });
});

describe('filterFavorites', () => {
  it('finds the candidate or who added it', () => {
    const ines = favorite({ profile: profile({ firstName: 'Inès' }) });
    const paul = favorite({ profile: profile({ firstName: 'Paul' }), addedBy: 'Jean Dupont' });
    expect(filterFavorites([ines, paul], '')).toEqual([ines, paul]);
    expect(filterFavorites([ines, paul], 'ines')).toEqual([ines]);
    expect(filterFavorites([ines, paul], 'dupont')).toEqual([paul]);
  });
});
