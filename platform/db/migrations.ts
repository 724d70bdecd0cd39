import { sql, type Kysely, type Migration } from 'kysely';
import { refoldSearchText } from './refold-search-text';

/** The platform's schema history. Append only: a released migration is never edited. */
export const platformMigrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('companies')
        .addColumn('siret', 'text', (c) => c.primaryKey())
        .addColumn('siren', 'text', (c) => c.notNull())
        .addColumn('legal_name', 'text', (c) => c.notNull())
        .addColumn('trade_name', 'text')
        .addColumn('naf_code', 'text', (c) => c.notNull())
        .addColumn('headcount_band', 'text')
        .addColumn('street', 'text', (c) => c.notNull())
        .addColumn('postal_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('commune_name', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('structures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('siret', 'text', (c) => c.notNull().unique())
        .addColumn('legal_name', 'text', (c) => c.notNull())
        .addColumn('naf_code', 'text', (c) => c.notNull())
        .addColumn('naf_label', 'text', (c) => c.notNull())
        .addColumn('headcount_band', 'text')
        .addColumn('trade_name', 'text')
        .addColumn('email', 'text')
        .addColumn('phone', 'text')
        .addColumn('website', 'text')
        .addColumn('street', 'text', (c) => c.notNull())
        .addColumn('postal_code', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('commune_name', 'text', (c) => c.notNull())
        .addColumn('accepts_third_grade_interns', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('accepts_second_grade_interns', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('mail', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('last_name', 'text', (c) => c.notNull())
        .addColumn('mobile', 'text', (c) => c.notNull())
        .addColumn('consent_at', 'text', (c) => c.notNull())
        .addColumn('structure_id', 'text', (c) => c.references('structures.id'))
        .addColumn('role', 'text', (c) => c.check(sql`role in ('referent', 'gestionnaire')`))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('refresh_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('family_id', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('replaced_by', 'text')
        .execute();
      await db.schema.createIndex('refresh_tokens_family').on('refresh_tokens').column('family_id').execute();
    },
  },
  '0002_sync': {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('users')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.alterTable('users').addColumn('structure_joined_at', 'text').execute();
      // Members of a structure are looked up by it (and foreign-key checks need it).
      await db.schema.createIndex('users_structure').on('users').column('structure_id').execute();
      // One row per entity: its latest state at its latest position in the structure's sequence.
      await db.schema
        .createTable('sync_log')
        .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('data', 'text')
        .addColumn('owner_user_id', 'text')
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sync_log_pk', ['structure_id', 'entity', 'entity_id'])
        .execute();
      await db.schema
        .createIndex('sync_log_seq')
        .unique()
        .on('sync_log')
        .columns(['structure_id', 'seq'])
        .execute();
      await db.schema
        .createTable('structure_sequences')
        .addColumn('structure_id', 'text', (c) => c.primaryKey().references('structures.id'))
        .addColumn('last_seq', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
        .execute();
    },
  },
  '0003_members': {
    async up(db: Kysely<any>) {
      // The invariant behind every role change: a structure has at most one référent. Role changes
      // are conditional updates in one transaction; this index is the last line of defence.
      await db.schema
        .createIndex('users_one_referent')
        .unique()
        .on('users')
        .column('structure_id')
        .where(sql.ref('role'), '=', 'referent')
        .execute();
      // A user's sessions are listed (export) and revoked (password change) by user.
      await db.schema.createIndex('refresh_tokens_user').on('refresh_tokens').column('user_id').execute();
      // The observation directory: only the structures that host pupils, by commune then name.
      // The query repeats this WHERE clause word for word, so that SQLite picks the partial index.
      await db.schema
        .createIndex('structures_observation_hosts')
        .on('structures')
        .columns(['commune_code'])
        .expression(sql`coalesce(trade_name, legal_name) collate nocase`)
        .column('siret')
        .where(sql<boolean>`accepts_third_grade_interns = 1 or accepts_second_grade_interns = 1`)
        .execute();
    },
  },
  '0004_employers_offers': {
    async up(db: Kysely<any>) {
      // A partner employer: the directory's facts copied when the platform accepts it (they never
      // change afterwards), the contact person the structure keeps up to date. `created_by` is no
      // foreign key: the account may close, the partnership stays.
      await db.schema
        .createTable('employers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
        .addColumn('siret', 'text', (c) => c.notNull())
        .addColumn('legal_name', 'text')
        .addColumn('trade_name', 'text')
        .addColumn('naf_code', 'text')
        .addColumn('naf_label', 'text')
        .addColumn('street', 'text')
        .addColumn('postal_code', 'text')
        .addColumn('commune_code', 'text')
        .addColumn('commune_name', 'text')
        .addColumn('contact_last_name', 'text', (c) => c.notNull())
        .addColumn('contact_first_name', 'text', (c) => c.notNull())
        .addColumn('contact_mail', 'text', (c) => c.notNull())
        .addColumn('contact_phone', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('acceptee', 'refusee')`))
        .addColumn('refusal_reason', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('employers_structure').on('employers').column('structure_id').execute();
      // An establishment is a partner of a structure once: the screening checks it, this index is
      // the last line of defence.
      await db.schema
        .createIndex('employers_one_partnership')
        .unique()
        .on('employers')
        .columns(['structure_id', 'siret'])
        .where(sql.ref('status'), '=', 'acceptee')
        .execute();

      // "N° d'offre": one sequence for the whole platform, never reused.
      await db.schema
        .createTable('platform_sequences')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('last_value', 'integer', (c) => c.notNull())
        .execute();

      // What the offer shows of its employer, métier and commune is copied at each write (the
      // referentials may change, a published offer keeps what it said); `search_text` is the
      // accent-free, lower-case text the public search matches; latitude and longitude are the
      // commune's centre, for searches by distance.
      await db.schema
        .createTable('offers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
        .addColumn('number', 'integer', (c) => c.notNull().unique())
        .addColumn('employer_id', 'text', (c) => c.notNull().references('employers.id'))
        .addColumn('employer_name', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('rome_code', 'text', (c) => c.notNull())
        .addColumn('rome_label', 'text', (c) => c.notNull())
        .addColumn('rome_version', 'text', (c) => c.notNull())
        .addColumn('diploma_ids', 'text', (c) => c.notNull())
        .addColumn('contract_type', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('duration_months', 'integer', (c) => c.notNull())
        .addColumn('positions', 'integer', (c) => c.notNull())
        .addColumn('rhythm', 'text')
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('commune_name', 'text', (c) => c.notNull())
        .addColumn('latitude', 'real', (c) => c.notNull())
        .addColumn('longitude', 'real', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('handicap_commitment', 'integer', (c) => c.notNull())
        .addColumn('shared_with_structure', 'integer', (c) => c.notNull())
        .addColumn('france_travail', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('en_cours', 'pourvue', 'archivee')`),
        )
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('archive_at', 'text', (c) => c.notNull())
        .addColumn('applications_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // "Mes offres" (by structure), the foreign-key checks of employers, the hourly archiving
      // (offers in progress by end date), the public search (in progress, newest first, or within
      // a band of latitude around the searched commune).
      await db.schema
        .createIndex('offers_structure')
        .on('offers')
        .columns(['structure_id', 'number'])
        .execute();
      await db.schema.createIndex('offers_employer').on('offers').column('employer_id').execute();
      await db.schema.createIndex('offers_expiry').on('offers').columns(['status', 'archive_at']).execute();
      await db.schema
        .createIndex('offers_newest')
        .on('offers')
        .columns(['status', 'published_at', 'number'])
        .execute();
      await db.schema.createIndex('offers_latitude').on('offers').columns(['status', 'latitude']).execute();

      // Offers to hand to France Travail: one row per publication or withdrawal to transmit.
      await db.schema
        .createTable('france_travail_queue')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
        .addColumn('offer_version', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('diffuser', 'retirer')`))
        .addColumn('queued_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema
        .createIndex('france_travail_queue_offer')
        .on('france_travail_queue')
        .column('offer_id')
        .execute();

      // Offers not shared with the structure go to their creator (owner_user_id) and to whoever is
      // the structure's référent when the feed is read (referent_too = 1).
      await db.schema
        .alterTable('sync_log')
        .addColumn('referent_too', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '0005_candidates_applications': {
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
        .addColumn('latitude', 'real', (c) => c.notNull())
        .addColumn('longitude', 'real', (c) => c.notNull())
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
      await db.schema
        .createIndex('applications_candidate')
        .on('applications')
        .column('candidate_id')
        .execute();

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
  },
  '0006_profiles': {
    async up(db: Kysely<any>) {
      // A frozen copy of normaliseForSearch (offers/search-text.ts) as released: the live one may change.
      const normaliseForSearch = (text: string) =>
        text
          .toLowerCase()
          .replace(/œ/g, 'oe')
          .replace(/æ/g, 'ae')
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/[^a-z0-9]+/g, ' ')
          .trim();
      // "Rechercher des profils" matches keywords in the commune's name as well.
      const profiles = await db
        .selectFrom('candidate_profiles')
        .select(['id', 'search_text', 'commune_name'])
        .execute();
      for (const row of profiles) {
        await db
          .updateTable('candidate_profiles')
          .set({ search_text: `${row.search_text} ${normaliseForSearch(row.commune_name)}` })
          .where('id', '=', row.id)
          .execute();
      }
      // Profile searches list the newest first, or look within a band of latitude.
      await db.schema
        .createIndex('candidate_profiles_newest')
        .on('candidate_profiles')
        .column('created_at')
        .execute();
      await db.schema
        .createIndex('candidate_profiles_latitude')
        .on('candidate_profiles')
        .column('latitude')
        .execute();

      // A structure's favourites ("Favoris"): the whole team shares them. Who added one is kept
      // by name, as in an application's history: accounts may close.
      await db.schema
        .createTable('favorites')
        .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
        .addColumn('profile_id', 'text', (c) => c.notNull().references('candidate_profiles.id'))
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('favorites_pk', ['structure_id', 'profile_id'])
        .execute();
      await db.schema.createIndex('favorites_profile').on('favorites').column('profile_id').execute();

      // "Contacter ce profil": staff's message outlives the profile (the profile's id stays, its
      // name becomes "Candidat (données supprimées)"), hence no foreign key to it.
      await db.schema
        .createTable('contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
        .addColumn('profile_id', 'text', (c) => c.notNull())
        .addColumn('profile_name', 'text', (c) => c.notNull())
        .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
        .addColumn('offer_number', 'integer', (c) => c.notNull())
        .addColumn('offer_title', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('sent_by', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('contacts_profile').on('contacts').column('profile_id').execute();
      await db.schema.createIndex('contacts_offer').on('contacts').column('offer_id').execute();

      // "Alertes": the best profiles of each offer "En cours", computed by the platform. `profile`
      // is the profile as staff see it (JSON), `reasons` the match's (JSON). A dismissed alert
      // stays (dismissed = 1) so that no computation brings it back.
      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
        .addColumn('offer_id', 'text', (c) => c.notNull().references('offers.id'))
        .addColumn('offer_number', 'integer', (c) => c.notNull())
        .addColumn('offer_title', 'text', (c) => c.notNull())
        .addColumn('profile_id', 'text', (c) => c.notNull().references('candidate_profiles.id'))
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('dismissed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('dismissed_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('alerts_once')
        .unique()
        .on('alerts')
        .columns(['offer_id', 'profile_id'])
        .execute();
      await db.schema.createIndex('alerts_profile').on('alerts').column('profile_id').execute();
      await db.schema
        .createIndex('alerts_structure')
        .on('alerts')
        .columns(['structure_id', 'dismissed', 'score'])
        .execute();

      // Notifications now also tell a candidate that a structure contacted one of their profiles
      // about an offer: no application then. SQLite cannot change a CHECK constraint or a NOT
      // NULL in place, so the table is rebuilt (in this migration's transaction); replies get
      // their offer's number from their application.
      await db.schema
        .createTable('candidate_notifications_new')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('entretien', 'refus', 'contact')`))
        .addColumn('application_id', 'text', (c) => c.references('applications.id'))
        .addColumn('application_number', 'integer')
        .addColumn('profile_id', 'text')
        .addColumn('offer_number', 'integer', (c) => c.notNull())
        .addColumn('offer_title', 'text', (c) => c.notNull())
        .addColumn('structure_name', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // A reply answers an application; a contact answers none and names the profile.
        .addCheckConstraint(
          'candidate_notifications_subject',
          sql`(kind = 'contact') = (application_id is null and application_number is null and profile_id is not null)`,
        )
        .execute();
      await sql`insert into candidate_notifications_new
          (id, candidate_id, kind, application_id, application_number, profile_id, offer_number,
           offer_title, structure_name, message, created_at)
        select n.id, n.candidate_id, n.kind, n.application_id, n.application_number, null, a.offer_number,
           n.offer_title, n.structure_name, n.message, n.created_at
        from candidate_notifications n join applications a on a.id = n.application_id
        order by n.created_at, n.application_number`.execute(db);
      await db.schema.dropTable('candidate_notifications').execute();
      await db.schema.alterTable('candidate_notifications_new').renameTo('candidate_notifications').execute();
      await db.schema
        .createIndex('candidate_notifications_candidate')
        .on('candidate_notifications')
        .columns(['candidate_id', 'created_at'])
        .execute();
    },
  },
  '0007_rate_limits': {
    async up(db: Kysely<any>) {
      // The counters of the rate limits (logins, registrations, password checks), in the database
      // so that several platform instances share them. `key` is a hash (it may name a mail);
      // `resets_at` is in milliseconds since the epoch, hence a bigint for PostgreSQL.
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addColumn('resets_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rate_limits_resets_at').on('rate_limits').column('resets_at').execute();
    },
  },
  '0008_search_fold': {
    async up(db: Kysely<any>) {
      // The searches now fold with shared/text/fold.ts: keys made before ("s ren" for "Søren")
      // are made again from their columns.
      await refoldSearchText(db);
    },
  },
};
