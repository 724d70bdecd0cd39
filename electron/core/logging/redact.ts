/**
 * Log lines and crash reports must not carry secrets: tokens, passwords, authorisation
 * headers, cookies. Keys are matched by name (JSON — escaped JSON included —, JS object
 * dumps, query strings, "clé: valeur", object keys) and bearer tokens and JWTs wherever
 * they appear. When in doubt more is masked, never less.
 */
export const REDACTED = '[masqué]';

const SECRET_WORD = String.raw`(?:password|passwd|passphrase|pwd|secret|token|authorization|cookie|api[-_]?key|motDePasse|mot_de_passe)`;
const SECRET_KEY = String.raw`(?:[\w-]*${SECRET_WORD}[\w-]*)`;
/**
 * A whole word holding a secret word (`refreshToken`, `x-api-key`, `bureau_token`). Written so
 * the cost stays linear on hostile lines (`a-a-a-…`, `tokentoken…`): it starts only where a
 * word starts, and takes the word at once (a lookahead capture, as an atomic group would).
 */
const KEY_NAME = String.raw`(?<![\w-])(?=[\w-]*?${SECRET_WORD})(?=(?<word>[\w-]+))\k<word>`;
/** A key as written in JSON (`"token"`), escaped JSON (`\"token\"`), JS (`token`, `'token'`). */
const KEY = String.raw`(?:\\*["'\`])?${KEY_NAME}(?:\\*["'\`])?\s*[=:]\s*`;

const patterns: Array<[RegExp, string]> = [
  // Quoted values: "password":"…", password: '…' (util.inspect: ', " or `), \"token\":\"…\"
  // (escaped JSON). The value
  // ends at the same quote, escaped as deeply as the opening one and not itself escaped, or
  // at the end of a cut line.
  [
    new RegExp(String.raw`(?<key>${KEY})(?<esc>\\*)(?<q>["'\`])[\s\S]*?(?:(?<!\\)\k<esc>\k<q>|$)`, 'gi'),
    `$<key>$<esc>$<q>${REDACTED}$<esc>$<q>`,
  ],
  // Cookie and Set-Cookie headers: every value on the line (`Cookie: a=1; bureau_token=…`).
  // (A quoted value was masked above: the lookahead, which spaces cannot slip past, keeps it.)
  [/(?<![\w-])((?:set-)?cookie\s*:[ \t]*)(?![ \t]|\[masqué\]|["'`\\])[^\r\n]+/gi, `$1${REDACTED}`],
  // Authorization: Bearer xxx / Basic xxx
  [/(?<![\w-])(Bearer|Basic)\s+[\w\-.~+/=]+/gi, `$1 ${REDACTED}`],
  // JWTs anywhere (header.payload.signature, base64url)
  [/(?<![\w-])eyJ[\w-]*\.[\w-]+\.[\w-]*/g, REDACTED],
  // Unquoted values: ?token=xxx&…, password: xxx, refreshToken=xxx, "token": 12345. A quote
  // inside does not end them (it may belong to the secret: ' is left as is in URLs).
  [
    new RegExp(String.raw`(?<key>${KEY})(?!\[masqué\]|(?:Bearer|Basic)\s|\\*["'\`])[^\s&,;}\]]+`, 'gi'),
    `$<key>${REDACTED}`,
  ],
  // Percent-encoded query strings (a return address carrying ?token=…): token%3Dxxx%26…
  [new RegExp(String.raw`(?<key>${KEY_NAME}%3D)(?:(?!%26)[^\s&])+`, 'gi'), `$<key>${REDACTED}`],
];

export function redactText(text: string): string {
  return patterns.reduce((line, [pattern, replacement]) => line.replace(pattern, replacement), text);
}

const SECRET_KEY_NAME = new RegExp(`^${SECRET_KEY}$`, 'i');

/**
 * A copy of any logged value with its secrets masked: strings are scanned, objects' secret
 * keys masked, errors rebuilt with their message, stack, code and cause scanned. Cycles are
 * cut; binary data is not copied (it could hold anything).
 */
export function redact(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer)
    return `[binaire, ${value.byteLength} octets]`;
  if (seen.has(value)) return '[circulaire]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, seen);
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  if (value instanceof Map)
    return new Map(
      [...value].map(([key, item]) => [
        key,
        typeof key === 'string' && SECRET_KEY_NAME.test(key) ? REDACTED : redact(item, seen),
      ]),
    );
  if (value instanceof Set) return new Set([...value].map((item) => redact(item, seen)));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEY_NAME.test(key) ? REDACTED : redact(item, seen),
    ]),
  );
}

// Other own properties (an HTTP client's request config with its headers, say) are dropped.
function redactError(error: Error, seen: WeakSet<object>): Error {
  const copy = new Error(redactText(error.message));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redactText(error.stack);
  const { code } = error as { code?: unknown };
  if (typeof code === 'string' || typeof code === 'number')
    Object.assign(copy, { code: typeof code === 'string' ? redactText(code) : code });
  if (error.cause !== undefined) copy.cause = redact(error.cause, seen);
  return copy;
}
