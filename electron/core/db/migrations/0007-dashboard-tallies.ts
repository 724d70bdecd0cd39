import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 0007_dashboard: what the dashboard's "À faire" and charts read at 200,000 applications
 * (issue 16; see electron/core/dashboard/tallies.ts). Released: never edited.
 *
 * - application.answer_s: seconds from reception to the first answer (the history's first
 *   "repondue", else replied_at), null while unanswered; written here from then on.
 * - application_hour_tally, application_answer_tally, application_offer_tally: rows per hour of
 *   reception and status, answered rows per hour of reception and whole day of delay, rows per
 *   offer (and "A traiter"); kept by each write.
 * - Indexes: the median's day read alone; offers "En cours" by archive date; pending
 *   collaborators (the members may be many).
 */
export const dashboardTallies: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('application').addColumn('answer_s', 'integer').execute();
    await sql`update application set answer_s = max(0, cast(round((julianday(first) - julianday(received_at)) * 86400) as integer))
      from (select id as first_id, coalesce((select min(e.value ->> '$.at') from json_each(history) as e
          where e.value ->> '$.kind' = 'repondue'), replied_at) as first from application)
      where first_id = application.id and first is not null`.execute(db);

    await db.schema
      .createTable('application_hour_tally')
      .addColumn('received_hour', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('application_hour_tally_pk', ['received_hour', 'status'])
      .modifyEnd(sql`without rowid`)
      .execute();
    await db.schema
      .createTable('application_answer_tally')
      .addColumn('received_hour', 'text', (c) => c.notNull())
      .addColumn('answer_day', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('application_answer_tally_pk', ['received_hour', 'answer_day'])
      .modifyEnd(sql`without rowid`)
      .execute();
    await sql`insert into application_hour_tally (received_hour, status, n)
      select substr(received_at, 1, 13), status, count(*) from application group by 1, 2`.execute(db);
    await sql`insert into application_answer_tally (received_hour, answer_day, n)
      select substr(received_at, 1, 13), answer_s / 86400, count(*) from application
      where answer_s is not null group by 1, 2`.execute(db);

    await db.schema
      .createTable('application_offer_tally')
      .addColumn('offer_id', 'text', (c) => c.primaryKey())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('a_traiter', 'integer', (c) => c.notNull())
      .execute();
    await sql`insert into application_offer_tally (offer_id, total, a_traiter)
      select offer_id, count(*), sum(status = 'a_traiter') from application group by offer_id`.execute(db);
    await db.schema
      .createIndex('application_offer_tally_total')
      .on('application_offer_tally')
      .columns(['total', 'offer_id'])
      .execute();

    await sql`create index application_answer_day on application (answer_s / 86400, received_at, answer_s)
      where answer_s is not null`.execute(db);
    await db.schema
      .createIndex('offer_status_archive')
      .on('offer')
      .columns(['status', 'archive_at', 'id'])
      .execute();
    await db.schema.createIndex('member_role').on('member').columns(['role', 'joined_at', 'id']).execute();
  },
};
