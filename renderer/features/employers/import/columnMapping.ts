import type { EmployerFormInput } from '../../../../shared/domain/employers';
import { fold } from '../../../../shared/text/fold';

export type ImportField = keyof EmployerFormInput;

/** The fields of a CSV row, named as in "Ajouter un employeur" (and in the export). */
export const importFields: ReadonlyArray<{ key: ImportField; label: string; clues: RegExp }> = [
  { key: 'siret', label: 'Siret', clues: /siret/ },
  { key: 'contactLastName', label: 'Nom du contact', clues: /(^|\s)(nom|last ?name|surname)(\s|$)/ },
  { key: 'contactFirstName', label: 'Prénom du contact', clues: /prenom|first ?name/ },
  { key: 'contactMail', label: 'Mail du contact', clues: /mail|courriel/ },
  {
    key: 'contactPhone',
    label: 'Téléphone du contact',
    clues: /(^|\s)(tel|telephone|phone|portable|mobile)(\s|$)/,
  },
];

export type ColumnMapping = Record<ImportField, string | null>;

const words = (header: string) =>
  fold(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** How well a header names a field: its exact label, a clue with "contact", or a clue alone. */
function score(header: string, field: (typeof importFields)[number]): number {
  const text = words(header);
  if (text === words(field.label)) return 3;
  if (!field.clues.test(text)) return 0;
  return /contact/.test(text) ? 2 : 1;
}

/** Each field's column guessed from the headers (the best match first, each column used once). */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const candidates = importFields
    .flatMap((field) => headers.map((header) => ({ field: field.key, header, score: score(header, field) })))
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score);
  const mapping = Object.fromEntries(importFields.map((field) => [field.key, null])) as ColumnMapping;
  const used = new Set<string>();
  for (const { field, header } of candidates) {
    if (mapping[field] !== null || used.has(header)) continue;
    mapping[field] = header;
    used.add(header);
  }
  return mapping;
}
