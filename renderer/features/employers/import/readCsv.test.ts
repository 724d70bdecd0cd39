import { describe, expect, it } from 'vitest';
import { readCsv } from './readCsv';

const blob = (part: BlobPart) => new Blob([part]);

/** Windows-1252 bytes of a text whose characters all are below U+0100 (as Latin-1). */
const windows1252 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe('readCsv', () => {
  it('reads an Excel FR file: Windows-1252, `;`, numbered as the spreadsheet numbers its lines', async () => {
    const latin1 = windows1252('Siret;Prénom\r\n1;Aurélie\r\n\r\n2;"Jean;\r\nPierre"\r\n3;Zoé\r\n');
    const table = await readCsv(blob(latin1));
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Siret', 'Prénom']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'Aurélie'] },
      { line: 4, cells: ['2', 'Jean;\r\nPierre'] },
      { line: 6, cells: ['3', 'Zoé'] },
    ]);
  });

  it('reads UTF-8 with a BOM and `,`, and ignores a trailing blank line', async () => {
    const table = await readCsv(blob('\uFEFFSiret,Nom du contact\n1,Élodie\n'));
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual(['Siret', 'Nom du contact']);
    expect(table.rows).toEqual([{ line: 2, cells: ['1', 'Élodie'] }]);
  });
});
