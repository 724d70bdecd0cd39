import { readEmployerRow, type EmployerForm } from '../../../shared/domain/employer-rows';
import type { EmployerStatus } from '../../../shared/domain/employers';
import { alreadyPartnered } from './local-employers';

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
    const row = readEmployerRow(values);
    if ('reason' in row) {
      plan.rejected.push({ line, siret: rawSiret(values.siret), reason: row.reason });
      continue;
    }
    const { siret } = row.form;
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
      plan.accepted.push({ line, form: row.form });
    }
  }
  return plan;
}
