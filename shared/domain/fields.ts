import { z } from '../zod';

const obligatoire = (label: string) => `Le champ « ${label} » est obligatoire.`;

/**
 * Characters no keyboard or paste produces, refused in every text field rather than stored:
 * NUL (truncates strings in C libraries, SQLite's text functions and some CSV readers), the
 * other C0 controls and DEL (invisible, they break logs, terminals and exported files), the C1
 * controls U+0080–U+009F (only ever the trace of text decoded with the wrong charset) and lone
 * surrogates (half a character: not valid UTF-8, so JSON, SQLite and mail would each mangle it
 * differently). Tab, line feed and carriage return stay: multi-line messages and pasted tables
 * have them. Refusing (not stripping) keeps what is stored exactly what the user saw.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;

/** True when the text holds a character INVALID_CHARACTERS refuses. */
export function hasInvalidCharacters(text: string): boolean {
  return INVALID_CHARACTERS.test(text);
}

export const invalidCharacterMessage = (label: string) =>
  `Le champ « ${label} » contient un caractère invalide.`;

/** Any text input: typed, and free of the characters INVALID_CHARACTERS refuses. */
export function cleanString(label: string, typeMessage = `Le champ « ${label} » doit être un texte.`) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null ? obligatoire(label) : typeMessage,
    })
    .refine((value) => !hasInvalidCharacters(value), invalidCharacterMessage(label));
}

/** A string field whose type errors name the field ("obligatoire" when missing). */
export function stringField(label: string) {
  return cleanString(label);
}

/** Required free text, trimmed, with French messages naming the field. */
export function requiredText(label: string, max = 200) {
  return stringField(label)
    .trim()
    .min(1, obligatoire(label))
    .max(max, `Le champ « ${label} » ne doit pas dépasser ${max} caractères.`);
}

/** Optional free text: blank becomes null. */
export function optionalText(label: string, max = 200) {
  return z
    .string({ error: `Le champ « ${label} » doit être un texte.` })
    .refine((value) => !hasInvalidCharacters(value), invalidCharacterMessage(label))
    .trim()
    .max(max, `Le champ « ${label} » ne doit pas dépasser ${max} caractères.`)
    .nullish()
    .transform((value) => (value ? value : null));
}

/** What is typed in a search box: not stored, but searched and logged, so held to the same rule. */
export function searchText() {
  return z
    .string({ error: 'La recherche doit être un texte.' })
    .refine((value) => !hasInvalidCharacters(value), invalidCharacterMessage('Recherche'));
}

export const uuidSchema = z.uuid({ error: 'Identifiant invalide.' });
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
