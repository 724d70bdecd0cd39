import { recomputeStructureAlerts } from '../alerts/compute';
import type { PlatformDb } from '../db/open';
import { seededRandom } from '../../shared/random';
import { seededUuid } from './demo-offers';

/**
 * The dashboard's "Alertes" of a fresh demo platform: the alerts of every structure with offers
 * "En cours" (the demo CFA first of all), computed once the demo candidates exist, with seeded
 * ids (the same alerts on every fresh platform seeded the same day). Afterwards the platform
 * keeps them up to date as offers and profiles change.
 */
export async function seedDemoAlerts(db: PlatformDb, now: Date): Promise<void> {
  const random = seededRandom(7207);
  const options = { newId: () => seededUuid(random) };
  await db.transaction().execute(async (trx) => {
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
  });
}
