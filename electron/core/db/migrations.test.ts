import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, TransactionalSqliteDialect } from '../../../shared/db/migrate';
import { structureFromColumns, structureToColumns } from '../../../shared/db/rows';
import { defaultReplyTemplates } from '../../../shared/domain/reply-templates';
import { sampleApplication, sampleStructure } from '../../../tests/support/applications';
import { syncEntities } from '../sync/entities';
import { writeView } from '../sync/local-state';
import { localMigrations } from './migrations';
import { openLocalDatabase } from './open';
import type { LocalDatabase, StructureTable } from './schema';

// A desktop of the previous version (migrations up to 0003) opened by this one.

let dir = '';
let file = '';

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  file = path.join(dir, 'local.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database as the previous version left it: synced up to a cursor, with its structure. */
async function previousVersion(): Promise<void> {
  const earlier = Object.fromEntries(Object.entries(localMigrations).filter(([name]) => name < '0004'));
  const sqlite = new Database(file);
  const db = new Kysely<LocalDatabase>({ dialect: new TransactionalSqliteDialect({ database: sqlite }) });
  await migrateToLatest(db, earlier, 'test');
  const { reply_templates: _none, ...columns } = structureToColumns(sampleStructure());
  const names = Object.keys(columns);
  sqlite
    .prepare(`insert into structure (${names.join(', ')}) values (${names.map((n) => `@${n}`).join(', ')})`)
    .run(columns);
  const meta = sqlite.prepare('insert into meta (key, value) values (?, ?)');
  meta.run(`sync.cursor:${columns.id}`, '500');
  meta.run('sync.lastSyncAt', '2026-03-01T08:00:00.000Z');
  await db.destroy();
}

describe('migration 0004_applications', () => {
  it('adds applications and reply templates, and pulls everything again at the next sync', async () => {
    await previousVersion();
    const store = await openLocalDatabase(file);
    try {
      const meta = await store.read((tx) => tx.all<{ key: string }>(sql`select key from meta order by key`));
      // The earlier version skipped the feed's applications: its cursor goes, nothing else.
      expect(meta.map((row) => row.key)).toEqual(['sync.lastSyncAt']);
      const structure = await store.read((tx) => tx.first<StructureTable>(sql`select * from structure`));
      expect(structureFromColumns(structure!).replyTemplates).toBeNull();
      const templates = defaultReplyTemplates.slice(0, 2);
      await store.write((tx) =>
        writeView(
          tx,
          syncEntities.structure,
          sampleStructure({ replyTemplates: templates, version: 2 }),
          'synced',
        ),
      );
      const edited = await store.read((tx) => tx.first<StructureTable>(sql`select * from structure`));
      expect(structureFromColumns(edited!).replyTemplates).toEqual(templates);

      await store.write((tx) => {
        writeView(
          tx,
          syncEntities.application,
          sampleApplication('a3000000-0000-4000-8000-000000000001'),
          'synced',
        );
        writeView(
          tx,
          syncEntities.application,
          sampleApplication('a3000000-0000-4000-8000-000000000002', { status: 'recevable' }),
          'synced',
        );
      });
      const tally = await store.read((tx) =>
        tx.all<{ status: string; n: number }>(sql`select status, n from application_tally order by status`),
      );
      expect(tally).toEqual([
        { status: 'a_traiter', n: 1 },
        { status: 'recevable', n: 1 },
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('an account database on disk', () => {
  it.skipIf(process.platform === 'win32')('lives in a folder only its OS user can open', async () => {
    const accountFile = path.join(dir, 'accounts', 'someone', 'local.sqlite');
    const store = await openLocalDatabase(accountFile);
    await store.close();
    expect(statSync(path.dirname(accountFile)).mode & 0o077).toBe(0);
  });
});
