import { type Kysely, type Migration } from 'kysely';

/** 0001_account_and_structure: The account, its structure and the key-value `meta` table. Released: never edited. */
export const accountAndStructure: Migration = {
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
};
