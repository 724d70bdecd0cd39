import { describe, expect, it } from 'vitest';
import { fold, searchWords } from './fold';

describe('fold', () => {
  it.each([
    ['Cœur', 'coeur'],
    ['ŒUVRE', 'oeuvre'],
    ['Lætitia', 'laetitia'],
    ['Søren', 'soren'],
    ['Ørsted', 'orsted'],
    ['Łódź', 'lodz'],
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['Dvořák', 'dvorak'],
    ['Ñúñez', 'nunez'],
    ['Þórður', 'thordur'],
    ['Đorđe', 'dorde'],
    ['İstanbul', 'istanbul'],
    ['L’Haÿ-les-Roses', "l'hay-les-roses"],
    ['Saint\u2011Étienne', 'saint-etienne'],
    ['Aix – Marseille — Nice − 2', 'aix - marseille - nice - 2'],
    ['ﬁlière ﬂeuriste', 'filiere fleuriste'],
    ['Pâtissier\u00A0(e)', 'patissier (e)'],
    ['Ｃａｆé', 'cafe'],
    ['Électricien·ne', 'electricien·ne'],
  ])('%s → %s', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });

  it('gives the same key to what a user types without accents', () => {
    for (const [written, typed] of [
      ['Cœur de Lætitia', 'coeur de laetitia'],
      ['Søren Kierkegaard', 'soren kierkegaard'],
      ['L’Haÿ-les-Roses', "l'hay les roses"],
    ] as const)
      expect(searchWords(written)).toBe(searchWords(typed));
  });

  it.each([
    ['L’Haÿ-les-Roses', 'l hay les roses'],
    ['Pâtissier(e) — Cœur', 'patissier e coeur'],
    ['  Saint‑Pée-sur-Nivelle ', 'saint pee sur nivelle'],
    ['Søren', 'soren'],
  ])('searchWords(%s) → %s', (text, words) => {
    expect(searchWords(text)).toBe(words);
  });
});
