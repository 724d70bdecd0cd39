import { sql, type Kysely, type Migration } from 'kysely';

/**
 * 0010_offer_tally: how many offers each tab of "Mes offres" holds, kept by triggers of `offer`
 * (issue 15). Counting the "En cours" tab at each page read 12,000 index entries at full scale;
 * the tally is one row. Triggers rather than the sync's write path: every write of `offer`
 * (a pull, a bootstrap, a local change, a move to `private_offer`, a forget) keeps it, in the
 * same transaction. The rows are written by upserts and updates (never `insert or replace`,
 * whose deletions fire no trigger). Released: never edited.
 */
export const offerTally: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('offer_tally')
      .addColumn('status', 'text', (c) => c.primaryKey())
      .addColumn('n', 'integer', (c) => c.notNull())
      .execute();
    await sql`insert into offer_tally (status, n) select status, count(*) from offer group by status`.execute(
      db,
    );
    await sql`create trigger offer_tally_insert after insert on offer begin
        insert into offer_tally (status, n) values (new.status, 1) on conflict (status) do update set n = n + 1;
      end`.execute(db);
    await sql`create trigger offer_tally_delete after delete on offer begin
        update offer_tally set n = n - 1 where status = old.status;
      end`.execute(db);
    await sql`create trigger offer_tally_update after update of status on offer
      when old.status is not new.status begin
        update offer_tally set n = n - 1 where status = old.status;
        insert into offer_tally (status, n) values (new.status, 1) on conflict (status) do update set n = n + 1;
      end`.execute(db);
  },
};
