import Papa from 'papaparse';

export interface CsvRow {
  /** The row's line in the file (the header is line 1), as a spreadsheet numbers it. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
  delimiter: ';' | ',';
}

/**
 * UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise Windows-1252: what
 * Excel FR writes when saving "CSV (séparateur : point-virgule)".
 */
function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * `;` (Excel FR) or `,` (elsewhere), from the header line. Papa's own guess needs several
 * columns on every line and gives up on a file with a trailing blank line.
 */
function guessDelimiter(text: string): ';' | ',' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => header.split(char).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : ',';
}

const blank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/** Reads a CSV file with a header row; blank lines are skipped but keep their number. */
export async function readCsv(file: Blob): Promise<CsvTable> {
  const text = decode(await file.arrayBuffer());
  const delimiter = guessDelimiter(text);
  const all: CsvRow[] = [];
  let line = 1;
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      all.push({ line, cells: result.data });
      // A quoted cell may span lines: count the line breaks the row used.
      const end = result.meta.cursor;
      for (let i = cursor; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      cursor = end;
    },
  });
  const [header, ...rows] = all.filter((row) => !blank(row.cells));
  return {
    headers: (header?.cells ?? []).map((cell) => cell.trim()),
    rows,
    delimiter,
  };
}
