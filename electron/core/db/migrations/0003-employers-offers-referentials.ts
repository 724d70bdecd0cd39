import { type Kysely, type Migration } from 'kysely';

/** 0003_employers_offers: Partner employers, offers with their list indexes, and the referentials (ROME, diplomas, communes). Released: never edited. */
export const employersOffersReferentials: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('employer')
      .addColumn('id', 'text', (c) => c.primaryKey())
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
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('refusal_reason', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('sync_state', 'text', (c) => c.notNull().defaultTo('synced'))
      .execute();
    // "Suivi des employeurs" lists the newest first; a request refuses a SIRET already partnered.
    await db.schema.createIndex('employer_created').on('employer').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('employer_siret').on('employer').columns(['siret', 'status']).execute();

    // No foreign key to employer: the compacted feed may bring an offer before its employer.
    await db.schema
      .createTable('offer')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('number', 'integer')
      .addColumn('employer_id', 'text', (c) => c.notNull())
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
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('handicap_commitment', 'integer', (c) => c.notNull())
      .addColumn('shared_with_structure', 'integer', (c) => c.notNull())
      .addColumn('france_travail', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .addColumn('archive_at', 'text')
      .addColumn('applications_count', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // Sort keys of "Mes offres" (lower case, no accents; a provisional number sorts as the newest).
      .addColumn('title_key', 'text', (c) => c.notNull())
      .addColumn('employer_key', 'text', (c) => c.notNull())
      .addColumn('number_key', 'integer', (c) => c.notNull())
      .addColumn('sync_state', 'text', (c) => c.notNull().defaultTo('synced'))
      .execute();
    // "Mes offres" shows one status tab, 50 rows at a time, at 20,000 offers: each sort and each
    // filter has an index that starts with the tab and ends with the order, so no page is sorted
    // in memory. The employer's index (employer first) also counts each employer's offers.
    const offerIndexes: Record<string, string[]> = {
      offer_status_created: ['status', 'created_at', 'id'],
      offer_status_number: ['status', 'number_key', 'id'],
      offer_status_title: ['status', 'title_key', 'id'],
      offer_status_employer_name: ['status', 'employer_key', 'id'],
      offer_status_start: ['status', 'start_date', 'id'],
      offer_employer: ['employer_id', 'status', 'created_at', 'id'],
      offer_status_rome: ['status', 'rome_code', 'created_at', 'id'],
      offer_status_contract: ['status', 'contract_type', 'created_at', 'id'],
      offer_status_commune: ['status', 'commune_code', 'created_at', 'id'],
    };
    for (const [name, columns] of Object.entries(offerIndexes))
      await db.schema.createIndex(name).on('offer').columns(columns).execute();

    // Referentials downloaded from the platform; `search` is the label in lower case without
    // accents or punctuation, so "electricien" finds "Électricien".
    await db.schema
      .createTable('rome')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('domain_code', 'text', (c) => c.notNull())
      .addColumn('search', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('diploma')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('level', 'integer', (c) => c.notNull())
      .addColumn('search', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('commune')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('postal_code', 'text', (c) => c.notNull())
      .addColumn('departement_code', 'text', (c) => c.notNull())
      .addColumn('latitude', 'real', (c) => c.notNull())
      .addColumn('longitude', 'real', (c) => c.notNull())
      .addColumn('search', 'text', (c) => c.notNull())
      .execute();
  },
};
