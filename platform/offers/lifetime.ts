import { OFFER_LIFETIME_MONTHS } from '../../shared/domain/offers';
import type { OffersTable } from '../db/schema';

/** `date` plus `months` calendar months, on the last day of the month when it is shorter (31 August + 6 = 28 or 29 February). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** An offer going "En cours" now: online until the platform archives it, OFFER_LIFETIME_MONTHS later. */
export function publication(now: Date): Pick<OffersTable, 'published_at' | 'archive_at'> {
  return {
    published_at: now.toISOString(),
    archive_at: addMonths(now, OFFER_LIFETIME_MONTHS).toISOString(),
  };
}
