import { sql, type Kysely, type Migration } from 'kysely';
import { floatType } from '../dialect/column-types';

/** 0005_candidates_applications: Candidates, their profiles, idempotency keys and notifications; applications; reply templates. Released: its SQLite SQL is never edited (dialect helpers give the same text there). */
export const migration0005CandidatesApplications: Migration = {
  async up(db: Kysely<any>) {
    // "Modèles de réponse" of a structure: JSON, null until it edits them (defaults apply).
    await db.schema.alterTable('structures').addColumn('reply_templates', 'text').execute();

    // Candidates are not staff: their own accounts, never attached to a structure.
    await db.schema
      .createTable('candidates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('mail', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('birth_date', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();

    // One profile per professional project. `diplomas` and `contract_types` are JSON;
    // `search_text` (accent-free, lower case) and the commune's centre serve profile searches.
    await db.schema
      .createTable('candidate_profiles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
      .addColumn('rome_code', 'text', (c) => c.notNull())
      .addColumn('rome_label', 'text', (c) => c.notNull())
      .addColumn('diplomas', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('commune_name', 'text', (c) => c.notNull())
      .addColumn('latitude', floatType(db), (c) => c.notNull())
      .addColumn('longitude', floatType(db), (c) => c.notNull())
      .addColumn('mobility_km', 'integer', (c) => c.notNull())
      .addColumn('available_from', 'text', (c) => c.notNull())
      .addColumn('contract_types', 'text', (c) => c.notNull())
      .addColumn('presentation', 'text', (c) => c.notNull())
      .addColumn('oeth', 'integer', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('candidate_profiles_candidate')
      .on('candidate_profiles')
      .column('candidate_id')
      .execute();

    // An application keeps a snapshot of the profile as staff see it (`profile`, JSON), taken
    // when it was made; `profile_id` and `candidate_id` become null when the candidate deletes
    // the profile or closes the account, with the snapshot and the message.
    await db.schema
      .createTable('applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
      .addColumn('number', 'integer', (c) => c.notNull().unique())
      .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
      .addColumn('offer_number', 'integer', (c) => c.notNull())
      .addColumn('offer_title', 'text', (c) => c.notNull())
      .addColumn('employer_id', 'text', (c) => c.notNull())
      .addColumn('employer_name', 'text', (c) => c.notNull())
      .addColumn('candidate_id', 'text', (c) => c.references('candidates.id'))
      .addColumn('profile_id', 'text', (c) => c.references('candidate_profiles.id'))
      .addColumn('profile', 'text')
      .addColumn('applicant_name', 'text')
      .addColumn('oeth', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('message', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('a_traiter', 'recevable', 'refusee', 'abandonnee')`),
      )
      .addColumn('abandon_reason', 'text')
      .addColumn('reply_message', 'text')
      .addColumn('replied_at', 'text')
      .addColumn('replied_by', 'text')
      .addColumn('read_at', 'text')
      .addColumn('read_by', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('history', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // Once per profile and offer (NULLs, removed profiles, never collide).
    await db.schema
      .createIndex('applications_once')
      .on('applications')
      .columns(['profile_id', 'offer_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('applications_structure')
      .on('applications')
      .columns(['structure_id', 'status', 'received_at'])
      .execute();
    await db.schema.createIndex('applications_offer').on('applications').column('offer_id').execute();
    await db.schema.createIndex('applications_candidate').on('applications').column('candidate_id').execute();

    // What the platform tells a candidate (a staff reply): the structure's name, never its contacts.
    await db.schema
      .createTable('candidate_notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('entretien', 'refus')`))
      .addColumn('application_number', 'integer', (c) => c.notNull())
      .addColumn('offer_title', 'text', (c) => c.notNull())
      .addColumn('structure_name', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('candidate_notifications_candidate')
      .on('candidate_notifications')
      .columns(['candidate_id', 'created_at'])
      .execute();

    // A candidate's retries (Idempotency-Key) are remembered like staff's, and go with the account.
    await db.schema
      .createTable('candidate_idempotency_keys')
      .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('candidate_idempotency_keys_pk', ['candidate_id', 'key'])
      .execute();
  },
};
