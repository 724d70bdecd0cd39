import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileFromColumns } from '../../../../shared/db/profile-rows';
import { offerToColumns, structureToColumns } from '../../../../shared/db/rows';
import { applicationColumnsBefore0011 } from './fixture';
import type { Offer } from '../../../../shared/domain/offers';
import { OFFER_ID, sampleApplication, sampleStructure } from '../../../../tests/support/applications';
import { published, sampleOffer } from '../../../../tests/support/scripted-engine';
import { searchEverything } from '../../search/global-search';
import { syncEntities } from '../../sync/entities';
import { writeView } from '../../sync/local-state';
import { openLocalDatabase } from '../open';
import { fileBefore, insertRow, schemaBefore, type MigrationFixture } from './fixture';

const OTHER_OFFER = '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a97';
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
    ...applicationColumnsBefore0011(application),
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

let fixture: MigrationFixture | undefined;
let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'migration-0005-'));
  file = path.join(dir, 'local.sqlite');
});
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('migration 0005_profiles_search', () => {
  it('adds favourites, contacts, alerts and profiles, links applications to their profiles, indexes every row', async () => {
    fixture = await schemaBefore('0005_profiles_search');
    fixture.insert('structure', structureToColumns(sampleStructure()));
    fixture.insert('meta', { key: 'sync.cursor:x', value: '9' });
    rowsOf0004(fixture.sqlite);
    const anonymised = sampleApplication('a3000000-0000-4000-8000-000000000004', { number: 8 });
    fixture.insert('application', {
      ...applicationColumnsBefore0011({ ...anonymised, profile: null }),
      applicant_key: '',
      offer_key: 'commis de cuisine',
    });
    expect(await fixture.migrate()).toEqual(['0005_profiles_search']);

    expect(fixture.tables()).toEqual(
      expect.arrayContaining(['favorite', 'contact', 'alert', 'profile', 'search_fts']),
    );
    expect(fixture.indexes('alert')).toEqual(['alert_offer', 'alert_profile', 'alert_score']);
    expect(fixture.indexes('profile')).toEqual(['profile_created', 'profile_place']);
    expect(fixture.indexes('application')).toContain('application_profile');
    // Applications are kept, the one with a profile now names it; the anonymised one has none.
    expect(
      fixture.sqlite.prepare('select number, profile_id from application order by number').all(),
    ).toEqual([
      { number: 7, profile_id: application.profile!.id },
      { number: 8, profile_id: null },
    ]);
    expect(fixture.sqlite.prepare('select id, latitude from profile').all()).toEqual([
      { id: application.profile!.id, latitude: 44.8378 },
    ]);
    // One document per offer, application and profile, folded of accents.
    const hits = fixture.sqlite
      .prepare("select rowid from search_fts where search_fts match 'eleve'")
      .all() as Array<{ rowid: number }>;
    expect(hits).toHaveLength(1);
    expect(fixture.sqlite.prepare('select count(*) as n from search_fts').get()).toEqual({ n: 4 });
    expect(fixture.sqlite.prepare('select key from meta').all()).toEqual([]);
  });

  it('opened by the app: searches the rows already here and the ones written since', async () => {
    await fileBefore(file, '0005_profiles_search', rowsOf0004);
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
