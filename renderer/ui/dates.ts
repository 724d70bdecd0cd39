/**
 * Dates as French users read and type them. Timestamps are shown in Paris time whatever the
 * machine's zone (the platform and its users are French); calendar days ("2026-09-01") are
 * shown as they are, with no zone at all. Form state, IPC and REST keep ISO strings.
 */

export const PARIS = 'Europe/Paris';

const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: PARIS });
const shortDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: PARIS });
const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short', timeZone: PARIS });
const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: PARIS,
});
// A calendar day is read and written at UTC midnight, so no zone can move it to another day.
const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'UTC' });
// "2026-11-30": the Canadian English short form is ISO's order.
const isoDay = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: PARIS,
});
const relative = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' });

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "30 novembre 2026". */
export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}

/** "30/11/2026" (tables, where the long form would wrap). */
export function formatShortDate(iso: string): string {
  return shortDate.format(new Date(iso));
}

/** A calendar day ("2026-09-01", a date field's value) as "01/09/2026". */
export function formatDay(value: string): string {
  return day.format(new Date(`${value}T00:00:00Z`));
}

/** A calendar day ("2026-09-01") or a full timestamp, as profiles carry either. */
export function formatDayOrDate(value: string): string {
  return ISO_DAY.test(value) ? formatDay(value) : formatDate(value);
}

/** "14:05". */
export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

/** "30/11/2026 14:05". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** The day of `at` in Paris, as "2026-11-30". */
export function parisDay(at: Date): string {
  return isoDay.format(at);
}

/** Today as "2026-11-30" in Paris (file names). */
export function todayStamp(now: Date = new Date()): string {
  return parisDay(now);
}

function dayNumber(iso: string): number {
  const [, y, m, d] = ISO_DAY.exec(iso)!;
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86_400_000;
}

/**
 * How long ago or how soon, from `now`: "à l'instant", "il y a 5 minutes", "dans 2 heures",
 * "hier", "il y a 3 jours", "le mois dernier". Days are counted in Paris calendar days (what
 * was received at 23:00 the day before is "hier" at 08:00); under an hour, in minutes.
 */
export function formatRelative(iso: string, now: Date): string {
  const at = new Date(iso);
  const ms = at.getTime() - now.getTime();
  if (Math.abs(ms) < 60_000) return 'à l’instant';
  if (Math.abs(ms) < 3_600_000) return relative.format(Math.trunc(ms / 60_000), 'minute');
  const days = dayNumber(parisDay(at)) - dayNumber(parisDay(now));
  if (days === 0) return relative.format(Math.trunc(ms / 3_600_000), 'hour');
  if (Math.abs(days) < 31) return relative.format(days, 'day');
  const months = wholeMonths(parisDay(now), parisDay(at));
  if (Math.abs(months) < 12) return relative.format(Math.sign(days) * Math.max(1, Math.abs(months)), 'month');
  return relative.format(Math.trunc(months / 12), 'year');
}

/** Whole calendar months from one day to another ("2026-12-07" to "2027-03-07": 3). */
function wholeMonths(from: string, to: string): number {
  const [, y1, m1, d1] = ISO_DAY.exec(from)!.map(Number);
  const [, y2, m2, d2] = ISO_DAY.exec(to)!.map(Number);
  let months = (y2! - y1!) * 12 + (m2! - m1!);
  if (months > 0 && d2! < d1!) months -= 1;
  if (months < 0 && d2! > d1!) months += 1;
  return months;
}

// Day, month and year separated by "/", "-", "." or spaces ("7/12/2026", "07.12.2026"), eight
// digits ("07122026"), or ISO as pasted from elsewhere ("2026-12-07").
const FRENCH = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})$/;
const DIGITS = /^(\d{2})(\d{2})(\d{4})$/;

/** The day, month and year typed, checked for shape only (31/02 passes). */
function readDate(text: string): { y: number; m: number; d: number } | null {
  const value = text.trim();
  const iso = ISO_DAY.exec(value);
  if (iso) return { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
  const match = FRENCH.exec(value) ?? DIGITS.exec(value);
  return match ? { y: Number(match[3]), m: Number(match[2]), d: Number(match[1]) } : null;
}

/** Years a person or an offer can be about; "0202" is a typing slip, not a date. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function exists({ y, m, d }: { y: number; m: number; d: number }): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  const real = new Date(Date.UTC(y, m - 1, d));
  return real.getUTCMonth() === m - 1 && real.getUTCDate() === d;
}

/** A typed French date as ISO ("15/01/2027" → "2027-01-15"); null when it is not a real day. */
export function parseFrenchDate(text: string): string | null {
  const parts = readDate(text);
  if (!parts || !exists(parts)) return null;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(parts.y, 4)}-${pad(parts.m, 2)}-${pad(parts.d, 2)}`;
}

/** What is wrong with a typed date, in French; null when it is empty or a real day. */
export function typedDateError(text: string): string | null {
  if (text.trim() === '' || parseFrenchDate(text) !== null) return null;
  const parts = readDate(text);
  if (parts && (parts.y < MIN_YEAR || parts.y > MAX_YEAR))
    return `L’année ${parts.y} n’est pas valable : saisissez une date entre ${MIN_YEAR} et ${MAX_YEAR}.`;
  if (parts) return `Le ${text.trim()} n’existe pas : vérifiez le jour et le mois (JJ/MM/AAAA).`;
  return 'Date invalide : saisissez-la au format JJ/MM/AAAA, par exemple 15/01/2027.';
}
