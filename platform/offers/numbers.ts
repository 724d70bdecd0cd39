import type { PlatformDb } from '../db/open';

/**
 * The next "N° d'offre", from one sequence for the whole platform (numbers are quoted to
 * candidates and France Travail, so they never repeat, even across structures).
 */
export async function nextOfferNumber(trx: PlatformDb): Promise<number> {
  const { last_value } = await trx
    .insertInto('platform_sequences')
    .values({ name: 'offer_number', last_value: 1 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ last_value: eb('platform_sequences.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return last_value;
}
