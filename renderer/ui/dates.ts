const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });
const shortDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short' });
const time = new Intl.DateTimeFormat('fr-FR', { timeStyle: 'short' });
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

/** "30 novembre 2026". */
export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}

/** "30/11/2026" (tables, where the long form would wrap). */
export function formatShortDate(iso: string): string {
  return shortDate.format(new Date(iso));
}

/**
 * A calendar day ("2026-09-01", a date input's value) as "01/09/2026": read as local midnight,
 * since `new Date('2026-09-01')` is UTC and would show the day before west of Greenwich.
 */
export function formatDay(day: string): string {
  return shortDate.format(new Date(`${day}T00:00:00`));
}

/** A calendar day ("2026-09-01") or a full timestamp, as profiles carry either. */
export function formatDayOrDate(value: string): string {
  // A calendar day; a full timestamp would be read in the user's time zone.
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : formatDate(value);
}

/** "14:05". */
export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

/** "30/11/2026 14:05". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** Today as "2026-11-30" in the user's time zone (file names). */
export function todayStamp(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
