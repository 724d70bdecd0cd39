import { employerFormSchema, type EmployerStatus } from '../../../shared/domain/employers';
import { fieldsFromIssues } from '../../../shared/ipc/errors';
import type { z } from '../../../shared/zod';
import { alreadyPartnered } from './local-employers';

export type EmployerForm = z.output<typeof employerFormSchema>;

export interface ImportRow {
  line: number;
  values: Record<string, unknown>;
}

export interface ImportRejection {
  line: number;
  siret: string;
  reason: string;
}

export interface ImportPlan {
  accepted: Array<{ line: number; form: EmployerForm }>;
  rejected: ImportRejection[];
}

const formFields = Object.keys(employerFormSchema.shape);

/** The SIRET as the file gave it, for the report of a row that could not be read. */
function rawSiret(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

/**
 * Sorts a CSV import's rows into those to create and those refused, with the French reason
 * naming the field. A SIRET partnered here already, or repeated in the file, is refused
 * (the first occurrence is kept).
 */
export function planImport(rows: ImportRow[], partnered: Map<string, EmployerStatus>): ImportPlan {
  const plan: ImportPlan = { accepted: [], rejected: [] };
  const firstLine = new Map<string, number>();
  for (const { line, values } of rows) {
    // A file may carry more columns than the form (the directory's name, notes): they are not ours to check.
    const known = Object.fromEntries(formFields.map((field) => [field, values[field]]));
    const parsed = employerFormSchema.safeParse(known);
    if (!parsed.success) {
      const reason = [...new Set(Object.values(fieldsFromIssues(parsed.error.issues)))].join(' ; ');
      plan.rejected.push({ line, siret: rawSiret(values.siret), reason });
      continue;
    }
    const { siret } = parsed.data;
    const status = partnered.get(siret);
    const seenAt = firstLine.get(siret);
    if (status) plan.rejected.push({ line, siret, reason: alreadyPartnered(siret, status) });
    else if (seenAt !== undefined)
      plan.rejected.push({
        line,
        siret,
        reason: `Siret ${siret} : présent plusieurs fois dans le fichier (déjà ligne ${seenAt}).`,
      });
    else {
      firstLine.set(siret, line);
      plan.accepted.push({ line, form: parsed.data });
    }
  }
  return plan;
}
