import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What differs between SQLite and PostgreSQL is written once, in this folder: a query elsewhere
// that names SQLite's row numbers, its NOCASE collation or its JSON table functions would work
// on one engine only.

const PLATFORM = path.resolve(import.meta.dirname, '../..');
const HERE = import.meta.dirname;
const ENGINE_SPECIFIC = /\browid\b|collate\s+nocase|json_each|json_extract|sqlite_master/i;

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(dir, file));
}

describe('the dialect modules', () => {
  it('hold every engine-specific construct of the platform', () => {
    const offenders = sources(PLATFORM)
      .filter((file) => !file.startsWith(HERE + path.sep))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${path.relative(PLATFORM, file)}:${i + 1}` }))
          .filter(({ line }) => ENGINE_SPECIFIC.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('are where the check looks', () => {
    expect(sources(HERE).map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(['collation.ts', 'row-order.ts', 'json.ts']),
    );
  });
});
