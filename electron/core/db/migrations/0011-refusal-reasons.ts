import { type Kysely, type Migration } from 'kysely';

/** 0011_refusal_reasons: a refused application's reason, as the platform sends it (issue 17). Released: never edited. */
export const refusalReasons: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('application').addColumn('refusal_reason', 'text').execute();
    await db.schema.alterTable('application').addColumn('refusal_detail', 'text').execute();
  },
};
