import { fieldsFromIssues } from '../ipc/errors';
import type { z } from '../zod';
import { employerFormSchema } from './employers';

export type EmployerForm = z.output<typeof employerFormSchema>;

const formFields = Object.keys(employerFormSchema.shape);

/**
 * One row of an employers' CSV file checked with the form's own schema: the employer, or every
 * problem of the row in one French sentence naming the fields. Columns the form does not have
 * (the directory's name, notes) are not ours to check.
 */
export function readEmployerRow(
  values: Record<string, unknown>,
): { form: EmployerForm } | { reason: string } {
  const known = Object.fromEntries(formFields.map((field) => [field, values[field]]));
  const parsed = employerFormSchema.safeParse(known);
  if (parsed.success) return { form: parsed.data };
  return { reason: [...new Set(Object.values(fieldsFromIssues(parsed.error.issues)))].join(' ; ') };
}
