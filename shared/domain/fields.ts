import { z } from '../zod';

const obligatoire = (label: string) => `Le champ « ${label} » est obligatoire.`;

/** A string field whose type errors name the field ("obligatoire" when missing). */
export function stringField(label: string) {
  return z.string({
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? obligatoire(label)
        : `Le champ « ${label} » doit être un texte.`,
  });
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
    .trim()
    .max(max, `Le champ « ${label} » ne doit pas dépasser ${max} caractères.`)
    .nullish()
    .transform((value) => (value ? value : null));
}

export const uuidSchema = z.uuid({ error: 'Identifiant invalide.' });
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
