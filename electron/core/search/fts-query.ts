// What a user types becomes a full-text query here, and only here: whatever they type (quotes,
// stars, NEAR, SQL) is searched as words, never read as query syntax.

/** Ligatures the tokenizer keeps as letters: "œuvre" is indexed, and searched, as "oeuvre". */
export function unligatured(text: string): string {
  return text.replace(/[œŒæÆ]/g, (letter) => ({ œ: 'oe', Œ: 'Oe', æ: 'ae', Æ: 'Ae' })[letter]!);
}

/** A word the tokenizer would find nothing in (punctuation only) matches nothing: it is left out. */
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * The FTS5 query of a search box: each word a quoted prefix term (`"tok"*`, quotes doubled),
 * all of them required. Null when no word is left (nothing to search).
 */
export function ftsQuery(text: string): string | null {
  const terms = unligatured(text)
    .split(/\s+/u)
    .filter((word) => HAS_WORD.test(word))
    .map((word) => `"${word.replaceAll('"', '""')}"*`);
  return terms.length > 0 ? terms.join(' AND ') : null;
}
