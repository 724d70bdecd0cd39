import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, TransactionalSqliteDialect } from '../../../shared/db/migrate';
import {
  applicationToColumns,
  offerToColumns,
  structureFromColumns,
  structureToColumns,
} from '../../../shared/db/rows';
import { defaultReplyTemplates } from '../../../shared/domain/reply-templates';
import { OFFER_ID, sampleApplication, sampleStructure } from '../../../tests/support/applications';
import { published, sampleOffer } from '../../../tests/support/scripted-engine';
import type { Offer } from '../../../shared/domain/offers';
import { profileFromColumns } from '../../../shared/db/profile-rows';
import { searchEverything } from '../search/global-search';
import { syncEntities } from '../sync/entities';
import { writeView } from '../sync/local-state';
import { localMigrations } from './migrations';
import { openLocalDatabase } from './open';
import type { LocalDatabase, StructureTable } from './schema';

// A desktop of an earlier version opened by this one.

const OTHER_OFFER = '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a97';

let dir = '';
let file = '';

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  file = path.join(dir, 'local.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database as an earlier version left it (migrations before `next`): synced up to a cursor, with its structure. */
async function previousVersion(next = '0004', fill?: (sqlite: Database.Database) => void): Promise<void> {
  const earlier = Object.fromEntries(Object.entries(localMigrations).filter(([name]) => name < next));
  const sqlite = new Database(file);
  const db = new Kysely<LocalDatabase>({ dialect: new TransactionalSqliteDialect({ database: sqlite }) });
  await migrateToLatest(db, earlier, 'test');
  const { reply_templates: templates, ...columns } = structureToColumns(sampleStructure());
  insertRow(sqlite, 'structure', next > '0004' ? { ...columns, reply_templates: templates } : columns);
  const meta = sqlite.prepare('insert into meta (key, value) values (?, ?)');
  meta.run(`sync.cursor:${columns.id}`, '500');
  meta.run('sync.lastSyncAt', '2026-03-01T08:00:00.000Z');
  fill?.(sqlite);
  await db.destroy();
}

function insertRow(sqlite: Database.Database, table: string, columns: object): void {
  const names = Object.keys(columns);
  sqlite
    .prepare(`insert into ${table} (${names.join(', ')}) values (${names.map((n) => `@${n}`).join(', ')})`)
    .run(columns);
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

describe('migration 0005_profiles_search', () => {
  const application = sampleApplication('a3000000-0000-4000-8000-000000000003', { number: 7 });
  const offer = published(sampleOffer(OFFER_ID, { title: 'Élève cuisinier' }), 12);

  /** What 0004 stored: the rows with their sort keys, and Bordeaux in the communes referential. */
  function rowsOf0004(sqlite: Database.Database): void {
    insertRow(sqlite, 'offer', {
      ...offerToColumns(offer),
      title_key: 'eleve cuisinier',
      employer_key: 'brasserie du port',
      number_key: 12,
    });
    insertRow(sqlite, 'application', {
      ...applicationToColumns(application),
      applicant_key: 'emilie darrigrand',
      offer_key: 'commis de cuisine',
    });
    insertRow(sqlite, 'commune', {
      code: '33063',
      name: 'Bordeaux',
      postal_code: '33000',
      departement_code: '33',
      latitude: 44.8378,
      longitude: -0.5792,
      search: 'bordeaux',
    });
  }

  it('indexes the rows already here, keeps the applicants’ profiles, and pulls everything again', async () => {
    await previousVersion('0005', rowsOf0004);
    const store = await openLocalDatabase(file);
    try {
      const meta = await store.read((tx) => tx.all<{ key: string }>(sql`select key from meta order by key`));
      expect(meta.map((row) => row.key)).toEqual(['sync.lastSyncAt']);
      const search = (q: string) =>
        store.read((tx) => searchEverything(tx, q, 5).groups.map((group) => [group.kind, group.hits.length]));
      expect(await search('eleve')).toEqual([['offer', 1]]);
      expect(await search('darrigrand')).toEqual([
        ['application', 1],
        ['profile', 1],
      ]);
      // The profile has its commune's centre, its level and its application's date.
      const profile = await store.read((tx) => tx.first(sql`select * from profile`));
      expect(profile).toMatchObject({
        id: application.profile!.id,
        level: 3,
        latitude: 44.8378,
        oeth: 0,
        created_at: application.receivedAt,
      });
      expect(profileFromColumns(profile as never)).toMatchObject(application.profile!);
      expect(await store.read((tx) => tx.first(sql`select profile_id from application`))).toEqual({
        profile_id: application.profile!.id,
      });

      // Rows written since are numbered after the migrated ones, and replace their words.
      await store.write((tx) => {
        const retitled: Offer = { ...offer, title: 'Apprenti boulanger', version: 2 };
        writeView(tx, syncEntities.offer, retitled, 'synced');
        writeView(
          tx,
          syncEntities.offer,
          published(sampleOffer(OTHER_OFFER, { title: 'Élève serveur' }), 13),
          'synced',
        );
      });
      expect(await search('eleve')).toEqual([['offer', 1]]);
      expect(await search('boulanger')).toEqual([['offer', 1]]);
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
