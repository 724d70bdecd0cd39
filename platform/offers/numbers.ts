import type { PlatformDb } from '../db/open';
import { nextInSequence } from '../db/sequences';

/**
 * The next "N° d'offre", from one sequence for the whole platform (numbers are quoted to
 * candidates and France Travail, so they never repeat, even across structures).
 */
export function nextOfferNumber(trx: PlatformDb): Promise<number> {
  return nextInSequence(trx, 'offer_number');
}
