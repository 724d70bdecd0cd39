import { fold } from '../../../shared/text/fold';

// What a user types becomes a full-text query here, and only here: whatever they type (quotes,
// stars, NEAR, SQL) is searched as words, never read as query syntax.

/** A word the tokenizer would find nothing in (punctuation only) matches nothing: it is left out. */
const HAS_WORD = /[\p{L}\p{N}]/u;
const LETTERS = /[\p{L}\p{N}]/gu;

/**
 * The most words searched at once: each is a prefix scan of the index, and 200 characters of
 * one-letter words would otherwise make a hundred of them at each keystroke.
 */
export const MAX_TERMS = 8;

/**
 * The FTS5 query of a search box: each word a quoted prefix term (`"tok"*`, quotes doubled),
 * all of them required. A word of one letter counts only when it is the last one typed (the
 * start of the next word): elsewhere it finds almost everything, at the cost of a long scan.
 * At most MAX_TERMS words, the first ones. Null when no word is left (nothing to search).
 */
export function ftsQuery(text: string): string | null {
  // Folded as the documents are (search-index.ts): the tokenizer alone keeps œ, ø, ß, ł as letters.
  const words = fold(text)
    .split(/\s+/u)
    .filter((word) => HAS_WORD.test(word));
  const terms = words
    .filter((word, index) => index === words.length - 1 || word.match(LETTERS)!.length > 1)
    .slice(0, MAX_TERMS)
    .map((word) => `"${word.replaceAll('"', '""')}"*`);
  return terms.length > 0 ? terms.join(' AND ') : null;
}
