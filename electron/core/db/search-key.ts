import { searchWords } from '../../../shared/text/fold';

/**
 * Text as searches and sorts compare it: the shared fold's words ("Saint-Pée-sur-Nivelle" →
 * "saint pee sur nivelle", "Søren" → "soren"). SQLite's NOCASE only folds ASCII, so
 * "électricien" would neither find "Electricien" nor sort beside it.
 */
export function searchKey(text: string): string {
  return searchWords(text);
}
