import { sql, type Kysely, type Migration } from 'kysely';

/** 0001_initial: Users, structures, the companies directory, refresh-token families, settings (the signing key). Released: never edited. */
export const migration0001Initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('companies')
      .addColumn('siret', 'text', (c) => c.primaryKey())
      .addColumn('siren', 'text', (c) => c.notNull())
      .addColumn('legal_name', 'text', (c) => c.notNull())
      .addColumn('trade_name', 'text')
      .addColumn('naf_code', 'text', (c) => c.notNull())
      .addColumn('headcount_band', 'text')
      .addColumn('street', 'text', (c) => c.notNull())
      .addColumn('postal_code', 'text', (c) => c.notNull())
      .addColumn('commune_code', 'text', (c) => c.notNull())
      .addColumn('commune_name', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('structures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('siret', 'text', (c) => c.notNull().unique())
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
      .addColumn('accepts_third_grade_interns', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('accepts_second_grade_interns', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('mail', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('last_name', 'text', (c) => c.notNull())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('consent_at', 'text', (c) => c.notNull())
      .addColumn('structure_id', 'text', (c) => c.references('structures.id'))
      .addColumn('role', 'text', (c) => c.check(sql`role in ('referent', 'gestionnaire')`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('refresh_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('family_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('replaced_by', 'text')
      .execute();
    await db.schema.createIndex('refresh_tokens_family').on('refresh_tokens').column('family_id').execute();
  },
};
