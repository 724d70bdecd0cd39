import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import type { PlatformDb } from '../db/open';
import type { StructuresTable } from '../db/schema';
import { recordStructure, recordUser } from '../sync/log';
import { DEMO_CFA_SIRET } from './directory';

/** The demo référent's credentials, given in the README. */
export const DEMO_REFERENT = {
  mail: 'referent@cfa-demo.fr',
  password: 'Demo-Formation-2026!',
  firstName: 'Claire',
  lastName: 'Lacoste',
  mobile: '+33612345678',
};

/** A demo training centre with its référent. Idempotent: nothing happens when it exists. */
export async function seedDemo(db: PlatformDb, nafLabels: ReadonlyMap<string, string>): Promise<void> {
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('mail', '=', DEMO_REFERENT.mail)
    .executeTakeFirst();
  if (existing) return;
  const company = await db
    .selectFrom('companies')
    .selectAll()
    .where('siret', '=', DEMO_CFA_SIRET)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const passwordHash = await hashPassword(DEMO_REFERENT.password);
  await db.transaction().execute(async (trx) => {
    const structure: StructuresTable = {
      id: randomUUID(),
      siret: company.siret,
      legal_name: company.legal_name,
      naf_code: company.naf_code,
      naf_label: nafLabels.get(company.naf_code) ?? company.naf_code,
      headcount_band: company.headcount_band,
      trade_name: company.trade_name,
      email: 'contact@cfa-demo.fr',
      phone: '+33556000000',
      website: 'https://www.cfa-demo.fr',
      street: company.street,
      postal_code: company.postal_code,
      commune_code: company.commune_code,
      commune_name: company.commune_name,
      accepts_third_grade_interns: 1,
      accepts_second_grade_interns: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('structures').values(structure).execute();
    await recordStructure(trx, structure);
    const user = await trx
      .insertInto('users')
      .values({
        id: randomUUID(),
        mail: DEMO_REFERENT.mail,
        password_hash: passwordHash,
        first_name: DEMO_REFERENT.firstName,
        last_name: DEMO_REFERENT.lastName,
        mobile: DEMO_REFERENT.mobile,
        consent_at: now,
        structure_id: structure.id,
        structure_joined_at: now,
        role: 'referent',
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordUser(trx, user);
  });
}
