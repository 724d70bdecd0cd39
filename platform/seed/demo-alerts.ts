import { recomputeStructureAlerts } from '../alerts/compute';
import type { PlatformDb } from '../db/open';
import { seededRandom } from '../../shared/random';
import { seededUuid } from './demo-offers';

/**
 * The dashboard's "Alertes" of a demo platform: the alerts of every structure with offers
 * "En cours" (the demo CFA first of all), computed with seeded ids (the same alerts on every
 * platform seeded the same day) whenever the alerts table is empty: on a fresh platform once the
 * demo candidates exist, on a demo platform seeded before alerts existed, or after a start that
 * stopped between the candidates and their alerts. Otherwise the platform keeps them up to date
 * as offers and profiles change, and this does nothing. Whether it computed them.
 */
export async function seedDemoAlerts(db: PlatformDb, now: Date): Promise<boolean> {
  const random = seededRandom(7207);
  const options = { newId: () => seededUuid(random) };
  return db.transaction().execute(async (trx) => {
    // A dismissed alert stays in the table: any row means they were computed already.
    if (await trx.selectFrom('alerts').select('id').limit(1).executeTakeFirst()) return false;
    // In an order of their own (their ids are drawn at random), for the same ids everywhere.
    const structures = await trx
      .selectFrom('structures')
      .select('id')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('offers')
            .select('offers.id')
            .whereRef('offers.structure_id', '=', 'structures.id')
            .where('offers.status', '=', 'en_cours'),
        ),
      )
      .orderBy('siret')
      .execute();
    for (const { id } of structures) await recomputeStructureAlerts(trx, id, now, options);
    return structures.length > 0;
  });
}
