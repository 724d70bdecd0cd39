import { sql, type Kysely, type Migration } from 'kysely';
import { autoIncrementKey, floatType } from '../dialect/column-types';

/** 0004_employers_offers: Partner employers, offers, platform-wide numbering and the France Travail queue. Released: its SQLite SQL is never edited (dialect helpers give the same text there). */
export const migration0004EmployersOffers: Migration = {
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
      .addColumn('latitude', floatType(db), (c) => c.notNull())
      .addColumn('longitude', floatType(db), (c) => c.notNull())
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
    const queueKey = autoIncrementKey(db);
    await db.schema
      .createTable('france_travail_queue')
      .addColumn('id', queueKey.type, queueKey.build)
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
};
