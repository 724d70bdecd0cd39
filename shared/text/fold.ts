/**
 * Letters NFKD leaves whole (they have no decomposition) but that people type, and names are
 * written, without: "Søren" is searched as "soren", "Straße" as "strasse", "Łódź" as "lodz".
 */
const LETTERS: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ø: 'o',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
};
const LETTER = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');

/** Typographic apostrophes (’ from word processors and phones, ʼ, ‘, ‛, ′) read as the ASCII one. */
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032]/gu;
/** Hyphens and dashes (‐ ‑ ‒ – — ― − ﹣ －) read as the ASCII hyphen: "Saint‑Étienne" is "saint-etienne". */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;

/**
 * Text as every search compares it, on every layer (desktop cache, renderer filters, platform):
 * lower case, compatibility forms decomposed (NFKD: "ﬁ" is "fi", a no-break space a space),
 * accents and other combining marks removed, ligatures and letters without a decomposition
 * spelled out (LETTERS), apostrophes and dashes made ASCII. Punctuation otherwise stays: each
 * caller decides what separates words (`searchWords`).
 */
export function fold(text: string): string {
  return (
    text
      // Lower case first: "İ" lowers to "i" plus a combining dot, which the next steps remove.
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(LETTER, (letter) => LETTERS[letter]!)
      .replace(APOSTROPHES, "'")
      .replace(DASHES, '-')
  );
}

/** The words of a text, folded and separated by single spaces ("L’Haÿ-les-Roses" → "l hay les roses"). */
export function searchWords(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
