import { sql, type Kysely, type Migration } from 'kysely';
import { caseInsensitive } from '../dialect/collation';

/** 0003_members: Members of a structure and the single-référent invariant. Released: its SQLite SQL is never edited (dialect helpers give the same text there). */
export const migration0003Members: Migration = {
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
      .expression(caseInsensitive(db, sql`coalesce(trade_name, legal_name)`))
      .column('siret')
      .where(sql<boolean>`accepts_third_grade_interns = 1 or accepts_second_grade_interns = 1`)
      .execute();
  },
};
