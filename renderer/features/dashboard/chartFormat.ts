import { formatDay } from '../../ui/dates';
import { offerTitleLine } from '../profiles/labels';

const days = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** A week's Monday (AAAA-MM-JJ) as the axis and the table show it: "01/09/2026". */
export function weekLabel(weekStart: string): string {
  return formatDay(weekStart);
}

/** "2,5 j" on an axis, "2,5" in a table. */
export function formatDays(value: number): string {
  return days.format(value);
}

/** The offer as a table names it: "N° 12 — Cuisinier", as alerts do. */
export function offerLabel(offer: { number: number | null; title: string }): string {
  return offerTitleLine({ offerNumber: offer.number, offerTitle: offer.title });
}
