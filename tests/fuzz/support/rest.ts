import fc from 'fast-check';
import { hostileString } from './runs';

/**
 * Percent-encodes any string, lone surrogates included (encodeURIComponent throws on them):
 * a lone surrogate goes as the three bytes a careless encoder would send, invalid UTF-8.
 */
export function encodeAny(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}

/** A path segment: a hostile string percent-encoded, or raw oddities a router must survive. */
export const hostileSegment = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileString().map(encodeAny) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '..',
        '.',
        '%',
        '%00',
        '%E0%A4%A',
        '%2F',
        ';',
        '%C0%AF',
        '-1',
        '0',
        '1e309',
        'a'.repeat(101),
      ),
    },
  );

/** A query string of these pairs (keys may repeat), or none. */
export function queryString(pairs: Array<[string, string]>): string {
  if (pairs.length === 0) return '';
  return `?${pairs.map(([key, value]) => `${encodeAny(key)}=${encodeAny(value)}`).join('&')}`;
}

/** A header value HTTP can carry (no control characters, Latin-1 only): the rest is dropped. */
export function safeHeaderValue(text: string): string {
  return text.replace(/[^\t\x20-\x7e\x80-\xff]/g, '').slice(0, 8000);
}

const ENGLISH = [
  /^(Bad Request|Not Found|Unauthorized|Forbidden|Unsupported Media Type|Payload Too Large|Internal Server Error|Method Not Allowed|Request Timeout)\b/,
  /\b(must (be|have|match|NOT)|is required|should be|is not a valid|Invalid input|Expected \w+, received)\b/,
];
const FRENCH =
  /[àâçéèêëîïôûùüÿœæ’«»]|\b(le|la|les|des|du|une?|est|pas|ce|cette|doit|aucune?|de|et|en|au|aux|pour|par|sur|trop|courte?|longue?|invalide|saisie|champ|jeton|compte|format|nombre|entier)\b/i;

/** Why this detail is not a French sentence for a user, or undefined when it is. */
export function frenchDetailFault(detail: string | undefined): string | undefined {
  if (!detail || !detail.trim()) return 'detail vide';
  const english = ENGLISH.find((pattern) => pattern.test(detail));
  if (english) return `message anglais (${english.source.slice(0, 40)})`;
  if (!FRENCH.test(detail)) return 'aucun mot français';
  return undefined;
}
