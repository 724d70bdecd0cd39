/**
 * Log lines and crash reports must not carry secrets: tokens, passwords, authorisation
 * headers. Keys are matched by name (JSON, query strings, "clé: valeur", object keys) and
 * bearer tokens and JWTs wherever they appear.
 */
export const REDACTED = '[masqué]';

const SECRET_KEY = String.raw`(?:[\w-]*(?:password|passwd|pwd|secret|token|authorization|cookie|api[-_]?key|motDePasse|mot_de_passe)[\w-]*)`;

const patterns: Array<[RegExp, string]> = [
  // "password": "…" (JSON; escaped quotes inside the value included)
  [new RegExp(String.raw`("${SECRET_KEY}"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi'), `$1"${REDACTED}"`],
  // Authorization: Bearer xxx / Basic xxx
  [/\b(Bearer|Basic)\s+[\w\-.~+/=]+/gi, `$1 ${REDACTED}`],
  // JWTs anywhere (header.payload.signature, base64url)
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, REDACTED],
  // token=xxx&…, password: xxx, refreshToken=xxx (query strings, headers, free text)
  [
    new RegExp(String.raw`(\b${SECRET_KEY}\s*[=:]\s*)(?!\[masqué\]|(?:Bearer|Basic)\s)[^\s&,;"'}\]]+`, 'gi'),
    `$1${REDACTED}`,
  ],
];

export function redactText(text: string): string {
  return patterns.reduce((line, [pattern, replacement]) => line.replace(pattern, replacement), text);
}

const SECRET_KEY_NAME = new RegExp(`^${SECRET_KEY}$`, 'i');

/**
 * A copy of any logged value with its secrets masked: strings are scanned, objects' secret
 * keys masked, errors rebuilt with their message and stack scanned. Cycles are cut.
 */
export function redact(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circulaire]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEY_NAME.test(key) ? REDACTED : redact(item, seen),
    ]),
  );
}
