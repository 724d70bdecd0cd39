import { sql, type Kysely, type Migration } from 'kysely';

/** 0006_profiles: Favourites, contacts and alerts; candidate notifications rebuilt for the new kinds. Released: never edited. */
export const migration0006Profiles: Migration = {
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
};
