/**
 * Text as searches and sorts compare it: lower case, without accents, ligatures or punctuation
 * ("Saint-Pée-sur-Nivelle" → "saint pee sur nivelle"). SQLite's NOCASE only folds ASCII, so
 * "électricien" would neither find "Electricien" nor sort beside it.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
