import { sql, type Kysely, type Migration, type RawBuilder } from 'kysely';

/** 0005_profiles_search: Favourites, contacts, alerts, the profile cache and the full-text search index of the rows already here. Released: never edited. */
export const profilesFavoritesAlertsSearch: Migration = {
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
    await db.schema.createIndex('contact_profile').on('contact').columns(['profile_id', 'sent_at']).execute();
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
