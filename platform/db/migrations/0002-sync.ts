import { type Kysely, type Migration } from 'kysely';

/** 0002_sync: The sync feed (`sync_log`), per-structure sequences, idempotency keys, versions of users. Released: never edited. */
export const migration0002Sync: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('users')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('users').addColumn('structure_joined_at', 'text').execute();
    // Members of a structure are looked up by it (and foreign-key checks need it).
    await db.schema.createIndex('users_structure').on('users').column('structure_id').execute();
    // One row per entity: its latest state at its latest position in the structure's sequence.
    await db.schema
      .createTable('sync_log')
      .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('data', 'text')
      .addColumn('owner_user_id', 'text')
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sync_log_pk', ['structure_id', 'entity', 'entity_id'])
      .execute();
    await db.schema
      .createIndex('sync_log_seq')
      .unique()
      .on('sync_log')
      .columns(['structure_id', 'seq'])
      .execute();
    await db.schema
      .createTable('structure_sequences')
      .addColumn('structure_id', 'text', (c) => c.primaryKey().references('structures.id'))
      .addColumn('last_seq', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('idempotency_keys')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
      .execute();
  },
};
