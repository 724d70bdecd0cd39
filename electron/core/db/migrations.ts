import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

/** The local cache's schema history. Append only: a released migration is never edited. */
export const localMigrations: Record<string, Migration> = {
  '0001_account_and_structure': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('structure')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('siret', 'text', (c) => c.notNull())
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
        .addColumn('accepts_third_grade_interns', 'integer', (c) => c.notNull())
        .addColumn('accepts_second_grade_interns', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('sync_state', 'text', (c) => c.notNull().defaultTo('synced'))
        .execute();
      await db.schema
        .createTable('account')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('mail', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('last_name', 'text', (c) => c.notNull())
        .addColumn('mobile', 'text', (c) => c.notNull())
        .addColumn('structure_id', 'text')
        .addColumn('role', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('fetched_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002_sync': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('account').dropColumn('fetched_at').execute();
      await db.schema
        .alterTable('account')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .alterTable('account')
        .addColumn('sync_state', 'text', (c) => c.notNull().defaultTo('synced'))
        .execute();
      await db.schema
        .createTable('member')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('last_name', 'text', (c) => c.notNull())
        .addColumn('mail', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('sync_state', 'text', (c) => c.notNull().defaultTo('synced'))
        .execute();
      // The platform's last known state of rows with local changes, to merge and to undo against.
      await db.schema
        .createTable('shadow')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('shadow_pk', ['entity', 'id'])
        .execute();
      // Local changes not yet acknowledged by the platform, sent in `position` order.
      await db.schema
        .createTable('outbox')
        .addColumn('position', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('base', 'text', (c) => c.notNull())
        .addColumn('base_version', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('last_error_fields', 'text')
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('conflict', 'text')
        .execute();
      await db.schema
        .createIndex('outbox_entity')
        .on('outbox')
        .columns(['entity', 'entity_id', 'position'])
        .execute();
      // Refused and conflicting changes are few: finding them must not scan the waiting ones.
      await db.schema
        .createIndex('outbox_blocked')
        .on('outbox')
        .columns(['entity', 'entity_id', 'state'])
        .where(sql.ref('state'), '!=', 'pending')
        .execute();
    },
  },
  '0003_employers_offers': {
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
  },
  '0004_applications': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('structure').addColumn('reply_templates', 'text').execute();
      // No foreign key to offer: the compacted feed may bring an application before its offer.
      await db.schema
        .createTable('application')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('offer_id', 'text', (c) => c.notNull())
        .addColumn('offer_number', 'integer', (c) => c.notNull())
        .addColumn('offer_title', 'text', (c) => c.notNull())
        .addColumn('employer_id', 'text', (c) => c.notNull())
        .addColumn('employer_name', 'text', (c) => c.notNull())
        .addColumn('profile', 'text')
        .addColumn('applicant_name', 'text')
        .addColumn('oeth', 'integer', (c) => c.notNull())
        .addColumn('message', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('abandon_reason', 'text')
        .addColumn('reply_message', 'text')
        .addColumn('replied_at', 'text')
        .addColumn('replied_by', 'text')
        .addColumn('read_at', 'text')
        .addColumn('read_by', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('history', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // Sort and search keys of "Candidatures" (lower case, no accents).
        .addColumn('applicant_key', 'text', (c) => c.notNull())
        .addColumn('offer_key', 'text', (c) => c.notNull())
        .addColumn('sync_state', 'text', (c) => c.notNull().defaultTo('synced'))
        .execute();
      // One status's list, 50 rows at a time, at 200,000 applications: each sort has an index that
      // starts with the status and ends with the order. The date index also answers the reminder
      // ("A traiter" received before a day) by a range. An offer's and an employer's lists and
      // counts read their own index; the list of every status, the newest first, the last one.
      const applicationIndexes: Record<string, string[]> = {
        application_status_received: ['status', 'received_at', 'id'],
        application_status_number: ['status', 'number', 'id'],
        application_status_applicant: ['status', 'applicant_key', 'id'],
        application_status_offer: ['status', 'offer_key', 'id'],
        application_offer: ['offer_id', 'status', 'received_at', 'id'],
        application_employer: ['employer_id', 'status', 'received_at', 'id'],
        application_received: ['received_at', 'id'],
      };
      for (const [name, columns] of Object.entries(applicationIndexes))
        await db.schema.createIndex(name).on('application').columns(columns).execute();

      // Counting 200,000 index entries takes longer than the dashboard may wait: the number of
      // rows per status is kept as they are written (see SyncEntity.tallyColumn). Not by
      // triggers: any trigger on the table halves the speed of a pull's inserts.
      await db.schema
        .createTable('application_tally')
        .addColumn('status', 'text', (c) => c.primaryKey())
        .addColumn('n', 'integer', (c) => c.notNull())
        .execute();

      // Desktops of earlier versions skipped the feed's applications (and the structure's reply
      // templates) while moving their cursor past them: the next sync pulls everything again.
      await sql`delete from meta where key like 'sync.cursor:%'`.execute(db);
    },
  },
  '0005_profiles_search': {
    async up(db: Kysely<any>) {
      // Favourites, contacts and alerts keep the profile as the platform sent it (JSON): a row
      // reads back whole, offline, without the profile cache. No foreign keys: the compacted feed
      // may bring them before their offer.
      await db.schema
        .createTable('favorite')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('sync_state', 'text', (c) => c.notNull().defaultTo('synced'))
        .execute();
      await db.schema.createIndex('favorite_added').on('favorite').columns(['added_at', 'id']).execute();
      await db.schema
        .createTable('contact')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('profile_id', 'text', (c) => c.notNull())
        .addColumn('profile_name', 'text', (c) => c.notNull())
        .addColumn('offer_id', 'text', (c) => c.notNull())
        .addColumn('offer_number', 'integer')
        .addColumn('offer_title', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('sent_by', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('sync_state', 'text', (c) => c.notNull().defaultTo('synced'))
        .execute();
      await db.schema
        .createIndex('contact_profile')
        .on('contact')
        .columns(['profile_id', 'sent_at'])
        .execute();
      await db.schema.createIndex('contact_offer').on('contact').column('offer_id').execute();
      await db.schema
        .createTable('alert')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('offer_id', 'text', (c) => c.notNull())
        .addColumn('offer_number', 'integer', (c) => c.notNull())
        .addColumn('offer_title', 'text', (c) => c.notNull())
        .addColumn('profile_id', 'text', (c) => c.notNull())
        .addColumn('profile', 'text', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('dismissed', 'integer', (c) => c.notNull())
        .addColumn('dismissed_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('sync_state', 'text', (c) => c.notNull().defaultTo('synced'))
        .execute();
      // The dashboard's list, one offer's, and a profile's for its "Détails", each read in its
      // order (best first, then the newest, then by id as on the platform) without a sort: read
      // backwards, `id desc` comes in ascending order after the descending score and date.
      const alertOrder = ['dismissed', 'score', 'created_at', 'id desc'] as const;
      await db.schema
        .createIndex('alert_score')
        .on('alert')
        .columns([...alertOrder])
        .execute();
      await db.schema
        .createIndex('alert_offer')
        .on('alert')
        .columns(['offer_id', ...alertOrder])
        .execute();
      await db.schema
        .createIndex('alert_profile')
        .on('alert')
        .columns(['profile_id', ...alertOrder])
        .execute();

      // The profiles this desktop has seen (applications, favourites, alerts, online searches and
      // "Détails"), searched offline with the filters of "Rechercher des profils". The commune's
      // centre comes from the communes referential, for distances.
      await db.schema
        .createTable('profile')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('first_name', 'text', (c) => c.notNull())
        .addColumn('last_name', 'text', (c) => c.notNull())
        .addColumn('age', 'integer', (c) => c.notNull())
        .addColumn('rome_code', 'text', (c) => c.notNull())
        .addColumn('rome_label', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('diplomas', 'text', (c) => c.notNull())
        .addColumn('commune_code', 'text', (c) => c.notNull())
        .addColumn('commune_name', 'text', (c) => c.notNull())
        .addColumn('latitude', 'real')
        .addColumn('longitude', 'real')
        .addColumn('mobility_km', 'integer', (c) => c.notNull())
        .addColumn('available_from', 'text', (c) => c.notNull())
        .addColumn('contract_types', 'text', (c) => c.notNull())
        .addColumn('presentation', 'text', (c) => c.notNull())
        .addColumn('oeth', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('profile_created').on('profile').columns(['created_at', 'id']).execute();
      // A search around a commune ranks the profiles of a band of latitudes (its radius's) by
      // distance, reading this index alone when no other filter is given, then the page's rows.
      await db.schema
        .createIndex('profile_place')
        .on('profile')
        .columns(['latitude', 'longitude', 'created_at', 'id'])
        .execute();

      // An applicant's profile, to find a profile's applications and the profile an anonymised
      // application had.
      await db.schema.alterTable('application').addColumn('profile_id', 'text').execute();
      await sql`update application set profile_id = json_extract(profile, '$.id') where profile is not null`.execute(
        db,
      );
      await db.schema.createIndex('application_profile').on('application').column('profile_id').execute();

      // The global search (Ctrl+K) and the offline keyword search of profiles: one full-text
      // index of offers, employers, applications and profiles, its documents numbered by their
      // rows' rowids in a range per kind (search/search-index.ts). It keeps only the words
      // (contentless), folded of case and accents ("eleve" finds "élève"). Prefix indexes of
      // 1 to 3 letters: what is typed is searched as the start of words, and a short start
      // ("pré") otherwise merges thousands of words' lists at each keystroke; longer ones
      // match few words. (Each prefix length costs every word written: pulls slow down.)
      await sql`create virtual table search_fts using fts5(title, body, content='', contentless_delete=1,
        prefix='1 2 3', tokenize='unicode61 remove_diacritics 2')`.execute(db);
      await buildSearchIndex0005(db);

      // The feed's favourites, contacts and alerts never reached earlier versions: pull everything again.
      await sql`delete from meta where key like 'sync.cursor:%'`.execute(db);
    },
  },
};

/** Ligatures the tokenizer keeps as letters ("œuvre" would not find "oeuvre"), as SQL over `text`. */
function unligatured(text: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`replace(replace(replace(replace(${text}, 'œ', 'oe'), 'Œ', 'Oe'), 'æ', 'ae'), 'Æ', 'Ae')`;
}

/**
 * The search index of the rows already here (the same documents as search/documents.ts makes,
 * as they were in 0005), and the profiles of the applications already here.
 */
async function buildSearchIndex0005(db: Kysely<any>): Promise<void> {
  // The newest snapshot of each profile; its application's date stands for the profile's own.
  await sql`insert or ignore into profile (id, first_name, last_name, age, rome_code, rome_label, level,
      diplomas, commune_code, commune_name, latitude, longitude, mobility_km, available_from,
      contract_types, presentation, oeth, created_at)
    select a.profile ->> '$.id', a.profile ->> '$.firstName', a.profile ->> '$.lastName',
      a.profile ->> '$.age', a.profile ->> '$.romeCode', a.profile ->> '$.romeLabel',
      coalesce((select max(d.value ->> '$.level') from json_each(a.profile, '$.diplomas') as d), 0),
      a.profile -> '$.diplomas', a.profile ->> '$.communeCode', a.profile ->> '$.communeName',
      c.latitude, c.longitude, a.profile ->> '$.mobilityKm', a.profile ->> '$.availableFrom',
      a.profile -> '$.contractTypes', a.profile ->> '$.presentation', a.profile ->> '$.oeth', a.received_at
    from application as a left join commune as c on c.code = a.profile ->> '$.communeCode'
    where a.profile is not null
    order by a.received_at desc`.execute(db);
  const documents: Array<{ table: string; title: RawBuilder<unknown>; body: RawBuilder<unknown> }> = [
    {
      table: 'offer',
      title: sql`coalesce(number, '') || ' ' || title`,
      body: sql`rome_label || ' ' || employer_name || ' ' || commune_name`,
    },
    {
      table: 'employer',
      title: sql`coalesce(trade_name, '') || ' ' || coalesce(legal_name, '') || ' ' || siret`,
      body: sql`coalesce(commune_name, '') || ' ' || contact_first_name || ' ' || contact_last_name`,
    },
    {
      table: 'application',
      title: sql`number || ' ' || coalesce(applicant_name, '')`,
      body: sql`offer_title || ' ' || employer_name`,
    },
    {
      table: 'profile',
      title: sql`first_name || ' ' || last_name`,
      body: sql`rome_label || ' ' || coalesce((select group_concat(d.value ->> '$.label', ' ')
          from json_each(diplomas) as d), '') || ' ' || commune_name || ' ' || presentation`,
    },
  ];
  for (const [index, { table, title, body }] of documents.entries()) {
    const base = BigInt(index + 1) * 2n ** 40n;
    await sql`insert into search_fts (rowid, title, body)
      select ${base} + rowid, ${unligatured(title)}, ${unligatured(body)} from ${sql.table(table)}`.execute(
      db,
    );
  }
}
