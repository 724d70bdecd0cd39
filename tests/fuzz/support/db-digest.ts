import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * Watches a SQLite file from a connection of its own, read only: `changed()` says whether any
 * other connection committed since the last look (PRAGMA data_version, a few microseconds), and
 * `digest()` hashes every table's rows, for when it did and the content must be compared.
 */
export class DatabaseWatch {
  private readonly db: Database.Database;
  private version: number;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.version = this.dataVersion();
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** True when a commit happened since the previous call (or since the watch began). */
  changed(): boolean {
    const now = this.dataVersion();
    const changed = now !== this.version;
    this.version = now;
    return changed;
  }

  /** A hash of every table's rows, in rowid order. */
  digest(): string {
    const hash = createHash('sha256');
    const tables = this.db
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      hash.update(`\u0000${table}\u0000`);
      const quoted = `"${table.replaceAll('"', '""')}"`;
      for (const row of this.db.prepare(`select * from ${quoted}`).raw().iterate())
        hash.update(JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    }
    return hash.digest('hex');
  }

  close(): void {
    this.db.close();
  }
}
