import { sql, type Kysely, type Migration } from 'kysely';

/** 0002_sync: Sync: versions and states on the account, members, the outbox of local changes and their shadows. Released: never edited. */
export const syncOutboxAndShadows: Migration = {
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
};
