import { sql, type Kysely, type Migration } from 'kysely';

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
};
