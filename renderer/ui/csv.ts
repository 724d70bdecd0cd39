import Papa from 'papaparse';
import { todayStamp } from './dates';
import { saveFile } from './download';

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null;
}

/**
 * Saves rows as `<name>-<date>.csv` the way Excel in French opens it directly: UTF-8 with a BOM
 * (otherwise accents are read as Windows-1252), `;` between cells (`,` is the decimal separator).
 * Cells starting with = + - @ are quoted as text, so a crafted value never runs as a formula.
 */
export function downloadCsv<Row>(name: string, columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[]) {
  const csv = Papa.unparse(
    {
      fields: columns.map((column) => column.header),
      data: rows.map((row) => columns.map((column) => column.value(row) ?? '')),
    },
    { delimiter: ';', newline: '\r\n', escapeFormulae: true },
  );
  saveFile(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), `${name}-${todayStamp()}.csv`);
}
