import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Writes garbage over pages of a real (closed, checkpointed) SQLite file, as a failing disk
 * would: every page but the schema's and those of `keep`, or only those of `only`'s tables and
 * their indexes. Returns how many pages were damaged.
 */
export function garbageOverPages(file: string, pages: { keep: string[] } | { only: string[] }): number {
  if (existsSync(`${file}-wal`))
    throw new Error('Fichier encore ouvert : son WAL garderait les pages intactes.');
  const raw = new Database(file, { readonly: true });
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const pagesOf = (names: string[]) =>
    new Set(
      (
        raw
          .prepare(
            `select pageno from dbstat where name in (${names.map(() => '?').join(', ')})
             or name in (select name from sqlite_schema where tbl_name in (${names.map(() => '?').join(', ')}))`,
          )
          .all(...names, ...names) as Array<{ pageno: number }>
      ).map((row) => row.pageno),
    );
  const kept = 'keep' in pages ? pagesOf(['sqlite_schema', ...pages.keep]) : null;
  const damaged = 'only' in pages ? pagesOf(pages.only) : null;
  raw.close();
  const bytes = readFileSync(file);
  let count = 0;
  for (let page = 2; page <= bytes.length / pageSize; page++) {
    if (kept ? kept.has(page) : !damaged!.has(page)) continue;
    bytes.fill(0x5a, (page - 1) * pageSize, page * pageSize);
    count++;
  }
  writeFileSync(file, bytes);
  return count;
}

/** Root ignores file modes: a file is read-only to it only when immutable (chattr, Linux). */
const asRoot = process.getuid?.() === 0;

function chattrWorks(): boolean {
  const probe = path.join(mkdtempSync(path.join(os.tmpdir(), 'chattr-')), 'probe');
  writeFileSync(probe, '');
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(path.dirname(probe), { recursive: true, force: true });
  }
}

export const canMakeReadOnly = !asRoot || chattrWorks();

/**
 * A file this process cannot write: read-only for a user (its folder still lets it be moved),
 * immutable for root (it cannot be moved either).
 */
export function makeReadOnly(target: string): 'mode' | 'immutable' {
  if (asRoot) {
    execFileSync('chattr', ['+i', target]);
    return 'immutable';
  }
  chmodSync(target, 0o444);
  return 'mode';
}

/** Lets the test's folder be removed. */
export function unlockForCleanUp(target: string): void {
  if (asRoot && canMakeReadOnly) execFileSync('chattr', ['-i', target]);
}
