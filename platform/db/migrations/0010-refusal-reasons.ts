import { type Kysely, type Migration } from 'kysely';

/**
 * 0010_refusal_reasons: a refusal carries its reason (issue 17), on the application and on the
 * candidate's notification; older rows keep null. Released: never edited.
 */
export const migration0010RefusalReasons: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('applications').addColumn('refusal_reason', 'text').execute();
    await db.schema.alterTable('applications').addColumn('refusal_detail', 'text').execute();
    await db.schema.alterTable('candidate_notifications').addColumn('refusal_reason', 'text').execute();
  },
};
