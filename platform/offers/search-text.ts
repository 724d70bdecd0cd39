import type { CandidateProfilesTable, OffersTable } from '../db/schema';
import { diplomaById } from '../referentials/lookups';
import { searchWords } from '../../shared/text/fold';

/**
 * Text as the public and profile searches compare it: the shared fold's words, separated by
 * single spaces ("Pâtissier(e) — Cœur" → "patissier e coeur", "Søren" → "soren"), the same on
 * the desktop. Searches typed without accents then find accented offers, and the other way round.
 */
export function normaliseForSearch(text: string): string {
  return searchWords(text);
}

/** The `search_text` column: what a keyword is looked for in. */
export function searchTextOf(
  row: Pick<OffersTable, 'title' | 'description' | 'rome_label' | 'employer_name'>,
): string {
  return normaliseForSearch([row.title, row.rome_label, row.employer_name, row.description].join(' '));
}

/**
 * A profile's `search_text`: its métier, the labels of its diplomas (unknown ids are skipped),
 * its presentation and its commune ("Rechercher des profils" finds a keyword in any of them).
 */
export function profileSearchTextOf(
  row: Pick<CandidateProfilesTable, 'rome_label' | 'presentation' | 'commune_name'>,
  diplomaIds: readonly string[],
): string {
  const labels = diplomaIds.flatMap((id) => diplomaById().get(id)?.label ?? []);
  return normaliseForSearch([row.rome_label, ...labels, row.presentation, row.commune_name].join(' '));
}
