import type { OffersTable } from '../db/schema';

/**
 * Text as the public search compares it: lower case, without accents or ligatures, words
 * separated by single spaces ("Pâtissier(e) — Cœur" → "patissier e coeur"). Searches typed
 * without accents then find accented offers, and the other way round.
 */
export function normaliseForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The `search_text` column: what a keyword is looked for in. */
export function searchTextOf(
  row: Pick<OffersTable, 'title' | 'description' | 'rome_label' | 'employer_name'>,
): string {
  return normaliseForSearch([row.title, row.rome_label, row.employer_name, row.description].join(' '));
}
