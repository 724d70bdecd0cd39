import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, TransactionalSqliteDialect } from '../../shared/db/migrate';
import { platformMigrations } from './migrations/index';

const AT = '2026-03-02T09:00:00.000Z';

/** A database as an older release left it: the tables of its migrations, untyped. */
type Schemaless = Record<string, Record<string, unknown>>;
let dir = '';

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A platform database as the previous release left it: migrated up to `last`, foreign keys on. */
async function databaseAt(last: string): Promise<Kysely<Schemaless>> {
  dir = mkdtempSync(path.join(os.tmpdir(), 'platform-migrations-'));
  const sqlite = new Database(path.join(dir, 'platform.sqlite'));
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Schemaless>({ dialect: new TransactionalSqliteDialect({ database: sqlite }) });
  const names = Object.keys(platformMigrations).sort();
  const released = Object.fromEntries(
    names.slice(0, names.indexOf(last) + 1).map((name) => [name, platformMigrations[name]!]),
  );
  await migrateToLatest(db, released, 'La base de test');
  return db;
}

/** A structure, an offer N° 42, a candidate with a profile in Talence, an application and its reply. */
async function seedRelease5(db: Kysely<Schemaless>) {
  await db
    .insertInto('structures')
    .values({
      id: 's1',
      siret: '12345678900011',
      legal_name: 'CFA',
      naf_code: '85.59A',
      naf_label: 'Formation',
      street: '1 rue',
      postal_code: '33000',
      commune_code: '33063',
      commune_name: 'Bordeaux',
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  await db
    .insertInto('employers')
    .values({
      id: 'e1',
      structure_id: 's1',
      siret: '12345678900029',
      contact_last_name: 'L',
      contact_first_name: 'S',
      contact_mail: 's@exemple.fr',
      contact_phone: '0556000000',
      status: 'acceptee',
      created_by: 'u1',
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  await db
    .insertInto('offers')
    .values({
      id: 'o1',
      structure_id: 's1',
      number: 42,
      employer_id: 'e1',
      employer_name: 'Boulangerie',
      title: 'Apprenti boulanger',
      rome_code: 'D1102',
      rome_label: 'Boulanger',
      rome_version: '4.0',
      diploma_ids: '["cap-boulanger"]',
      contract_type: 'apprentissage',
      start_date: '2026-09-01',
      duration_months: 24,
      positions: 1,
      commune_code: '33063',
      commune_name: 'Bordeaux',
      latitude: 44.84,
      longitude: -0.58,
      description: 'Pains',
      handicap_commitment: 0,
      shared_with_structure: 1,
      france_travail: 0,
      status: 'en_cours',
      search_text: 'apprenti boulanger',
      created_by: 'u1',
      created_at: AT,
      published_at: AT,
      archive_at: AT,
      updated_at: AT,
    })
    .execute();
  await db
    .insertInto('candidates')
    .values({
      id: 'c1',
      mail: 'c@exemple.fr',
      password_hash: 'x',
      first_name: 'Inès',
      last_name: 'Laborde',
      mobile: '0612345678',
      birth_date: '2007-05-14',
      created_at: AT,
    })
    .execute();
  await db
    .insertInto('candidate_profiles')
    .values({
      id: 'p1',
      candidate_id: 'c1',
      rome_code: 'D1102',
      rome_label: 'Boulanger',
      diplomas: '[]',
      commune_code: '33522',
      commune_name: 'Talence',
      latitude: 44.8,
      longitude: -0.59,
      mobility_km: 20,
      available_from: '2026-09-01',
      contract_types: '["apprentissage"]',
      presentation: 'Motivée',
      oeth: 0,
      search_text: 'boulanger motivee',
      created_at: AT,
    })
    .execute();
  await db
    .insertInto('applications')
    .values({
      id: 'a1',
      structure_id: 's1',
      number: 7,
      offer_id: 'o1',
      offer_number: 42,
      offer_title: 'Apprenti boulanger',
      employer_id: 'e1',
      employer_name: 'Boulangerie',
      candidate_id: 'c1',
      profile_id: 'p1',
      status: 'refusee',
      received_at: AT,
      history: '[]',
      updated_at: AT,
    })
    .execute();
  await db
    .insertInto('candidate_notifications')
    .values({
      id: 'n1',
      candidate_id: 'c1',
      application_id: 'a1',
      kind: 'refus',
      application_number: 7,
      offer_title: 'Apprenti boulanger',
      structure_name: 'CFA',
      message: 'Le poste est pourvu.',
      created_at: AT,
    })
    .execute();
}

describe('0006_profiles', () => {
  it('keeps the notifications, with their offer’s number, and lets them tell of a contact', async () => {
    const db = await databaseAt('0005_candidates_applications');
    try {
      await seedRelease5(db);
      await migrateToLatest(db, platformMigrations, 'La base de test');

      expect(await db.selectFrom('candidate_notifications').selectAll().execute()).toEqual([
        {
          id: 'n1',
          candidate_id: 'c1',
          kind: 'refus',
          application_id: 'a1',
          application_number: 7,
          profile_id: null,
          offer_number: 42,
          offer_title: 'Apprenti boulanger',
          structure_name: 'CFA',
          message: 'Le poste est pourvu.',
          refusal_reason: null,
          created_at: AT,
        },
      ]);
      const contact = {
        id: 'n2',
        candidate_id: 'c1',
        kind: 'contact',
        application_id: null,
        application_number: null,
        profile_id: 'p1',
        offer_number: 42,
        offer_title: 'Apprenti boulanger',
        structure_name: 'CFA',
        message: 'Notre offre vous intéresse ?',
        created_at: AT,
      };
      await db.insertInto('candidate_notifications').values(contact).execute();
      // A contact answers no application; a reply always does.
      await expect(
        db
          .insertInto('candidate_notifications')
          .values({ ...contact, id: 'n3', application_id: 'a1' })
          .execute(),
      ).rejects.toThrow(/CHECK constraint failed/);
      await expect(
        db
          .insertInto('candidate_notifications')
          .values({ ...contact, id: 'n4', kind: 'refus' })
          .execute(),
      ).rejects.toThrow(/CHECK constraint failed/);
      // Foreign keys hold, and the index came back.
      expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
      const indexes = await sql<{ name: string }>`pragma index_list('candidate_notifications')`.execute(db);
      expect(indexes.rows.map((row) => row.name)).toContain('candidate_notifications_candidate');
      // Keywords now find the profile by its commune.
      const profile = await db
        .selectFrom('candidate_profiles')
        .select('search_text')
        .executeTakeFirstOrThrow();
      expect(profile.search_text).toBe('boulanger motivee talence');
    } finally {
      await db.destroy();
    }
  });
});

describe('0007_rate_limits', () => {
  it('adds the counters of the rate limits to a database of the previous release, keeping its data', async () => {
    const db = await databaseAt('0006_profiles');
    try {
      await db.insertInto('settings').values({ key: 'jwt_secret', value: 'secret' }).execute();
      await migrateToLatest(db, platformMigrations, 'La base de test');
      expect(await db.selectFrom('settings').selectAll().execute()).toEqual([
        { key: 'jwt_secret', value: 'secret' },
      ]);
      await db
        .insertInto('rate_limits')
        .values({ key: 'k', hits: 1, resets_at: 1_772_442_000_000 })
        .execute();
      // One counter per key: the limiter's upsert relies on it.
      await expect(
        db.insertInto('rate_limits').values({ key: 'k', hits: 1, resets_at: 0 }).execute(),
      ).rejects.toThrow(/UNIQUE constraint failed/);
      const indexes = await sql<{ name: string }>`pragma index_list('rate_limits')`.execute(db);
      expect(indexes.rows.map((row) => row.name)).toContain('rate_limits_resets_at');
    } finally {
      await db.destroy();
    }
  });
});
