import type { PlatformDb } from '../db/open';
import { nextInSequence } from '../db/sequences';

/**
 * The next "N° de candidature", from one sequence for the whole platform (candidates and staff
 * quote it to each other, so it never repeats, even across structures).
 */
export function nextApplicationNumber(trx: PlatformDb): Promise<number> {
  return nextInSequence(trx, 'application_number');
}
