/** The CNIL's recommendation for a password used alone: 12 characters mixing four kinds. */
export const PASSWORD_MIN_LENGTH = 12;

const rules: ReadonlyArray<{ test: (value: string) => boolean; missing: string }> = [
  {
    test: (v) => [...v].length >= PASSWORD_MIN_LENGTH,
    missing: `au moins ${PASSWORD_MIN_LENGTH} caractères`,
  },
  { test: (v) => /\p{Lu}/u.test(v), missing: 'une majuscule' },
  { test: (v) => /\p{Ll}/u.test(v), missing: 'une minuscule' },
  { test: (v) => /\p{Nd}/u.test(v), missing: 'un chiffre' },
  // Combining accents (a decomposed "é") belong to their letter, they are not special characters.
  { test: (v) => /[^\p{L}\p{M}\p{Nd}]/u.test(v), missing: 'un caractère spécial (par exemple ! ? - _ @ #)' },
];

/** The rules the password breaks, in French, empty when it is strong enough. */
export function missingPasswordRules(value: string): string[] {
  const composed = value.normalize('NFC');
  return rules.filter((rule) => !rule.test(composed)).map((rule) => rule.missing);
}

export function describeMissingPasswordRules(missing: string[]): string {
  return `Le mot de passe doit contenir ${joinFrench(missing)}.`;
}

function joinFrench(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}
