import { readEmployerRow } from '../../../../shared/domain/employer-rows';
import type { ColumnMapping, ImportField } from './columnMapping';
import type { CsvRow } from './readCsv';

export interface ImportRow {
  line: number;
  values: Record<ImportField, string>;
}

export interface Rejection {
  line: number;
  siret: string;
  reason: string;
}

export interface Validation {
  valid: ImportRow[];
  rejected: Rejection[];
}

const CHUNK = 250;

/** Lets the page paint (the progress bar) between two chunks. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Checks every row with the form's own schema, a chunk at a time, reporting progress. Siret
 * numbers repeated in the file or partnered already are the core's to refuse, at the import.
 */
export async function validateRows(
  headers: readonly string[],
  rows: readonly CsvRow[],
  mapping: ColumnMapping,
  onProgress: (done: number) => void,
  signal: AbortSignal,
): Promise<Validation> {
  const column = Object.fromEntries(
    Object.entries(mapping).map(([field, header]) => [field, header === null ? -1 : headers.indexOf(header)]),
  ) as Record<ImportField, number>;
  const valid: ImportRow[] = [];
  const rejected: Rejection[] = [];

  for (let start = 0; start < rows.length; start += CHUNK) {
    if (signal.aborted) throw signal.reason;
    for (const row of rows.slice(start, start + CHUNK)) {
      const values = Object.fromEntries(
        Object.entries(column).map(([field, index]) => [field, (row.cells[index] ?? '').trim()]),
      ) as Record<ImportField, string>;
      const checked = readEmployerRow(values);
      if ('form' in checked) valid.push({ line: row.line, values });
      else rejected.push({ line: row.line, siret: values.siret, reason: checked.reason });
    }
    onProgress(Math.min(start + CHUNK, rows.length));
    await nextTask();
  }
  return { valid, rejected };
}
