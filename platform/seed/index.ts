import type { PlatformDb } from '../db/open';
import { exclusively } from '../db/dialect/transactions';
import { generateDirectory } from './directory';
import { seedDemo } from './demo';
import { seedDemoAlerts } from './demo-alerts';
import { seedDemoCandidates } from './demo-candidates';
import { seedDemoOffers } from './demo-offers';

export type SeedName = 'demo';

/** The company directory is reference data: every platform has it. */
export async function seedDirectory(db: PlatformDb): Promise<void> {
  const rows = generateDirectory().map((e) => ({
    siret: e.siret,
    siren: e.siren,
    legal_name: e.legalName,
    trade_name: e.tradeName,
    naf_code: e.nafCode,
    headcount_band: e.headcountBand,
    street: e.street,
    postal_code: e.postalCode,
    commune_code: e.communeCode,
    commune_name: e.communeName,
    active: e.active ? 1 : 0,
  }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 100) {
      await trx
        .insertInto('companies')
        .values(rows.slice(i, i + 100))
        .onConflict((oc) => oc.column('siret').doNothing())
        .execute();
    }
  });
}

export async function seed(
  db: PlatformDb,
  name: SeedName,
  nafLabels: ReadonlyMap<string, string>,
  now = new Date(),
): Promise<void> {
  if (name === 'demo') {
    // Each step looks for its data before adding it: two instances started together on one
    // PostgreSQL database take turns, and the second finds everything there.
    await exclusively(db, 'platform-seed-demo', async (db) => {
      await seedDemo(db, nafLabels);
      await seedDemoOffers(db, nafLabels, now);
      await seedDemoCandidates(db, now);
      // Whenever there are none (a first start, or a platform seeded before alerts): then kept up
      // to date like any platform's.
      await seedDemoAlerts(db, now);
    });
  }
}
