import { sql, type Kysely, type Migration } from 'kysely';

/** 0004_applications: Applications with their tally, the structure's reply templates; the next sync pulls everything again. Released: never edited. */
export const applicationsAndReplyTemplates: Migration = {
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
};
