import { type Kysely, type Migration } from 'kysely';

/** 0007_rate_limits: Rate-limit counters shared by every instance. Released: never edited. */
export const migration0007RateLimits: Migration = {
  async up(db: Kysely<any>) {
    // The counters of the rate limits (logins, registrations, password checks), in the database
    // so that several platform instances share them. `key` is a hash (it may name a mail);
    // `resets_at` is in milliseconds since the epoch, hence a bigint for PostgreSQL.
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addColumn('resets_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rate_limits_resets_at').on('rate_limits').column('resets_at').execute();
  },
};
