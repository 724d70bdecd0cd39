// Calendar days and weeks as the structures live them: Europe/Paris, weeks from Monday 00:00.
// Computed once per call (a dozen boundaries), then rows are selected by ranges of their UTC
// instants: no row's week is ever computed one by one.

const DAY_MS = 86_400_000;
const TIME_ZONE = 'Europe/Paris';

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** Paris wall-clock time of an instant, as if it were UTC (milliseconds dropped). */
function wallTimeMs(instant: Date): number {
  const part: Record<string, number> = {};
  for (const { type, value } of wallClock.formatToParts(instant)) part[type] = Number(value);
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
}

/** How far Paris is ahead of UTC at this instant (one or two hours). */
function parisOffsetMs(instant: Date): number {
  return wallTimeMs(instant) - Math.floor(instant.getTime() / 1000) * 1000;
}

function isoDate(utcMidnightMs: number): string {
  return new Date(utcMidnightMs).toISOString().slice(0, 10);
}

function dateMs(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date);
}

/** The Paris calendar date (AAAA-MM-JJ) of an instant. */
export function parisDate(instant: Date): string {
  return isoDate(wallTimeMs(instant) - (wallTimeMs(instant) % DAY_MS));
}

/** A calendar date `days` later (or earlier). */
export function addDays(day: string, days: number): string {
  return isoDate(dateMs(day) + days * DAY_MS);
}

/** Calendar days from one date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY_MS);
}

/**
 * The instant a Paris calendar day starts. Clocks change at 02:00 or 03:00 local time, never
 * around midnight, so the offset an hour or two either side of it is the day's first one.
 */
export function parisMidnight(day: string): Date {
  const asUtc = dateMs(day);
  const guess = new Date(asUtc - parisOffsetMs(new Date(asUtc)));
  return new Date(asUtc - parisOffsetMs(guess));
}

/** The Monday (AAAA-MM-JJ) of the Paris week holding this instant. */
export function parisWeekStart(instant: Date): string {
  const today = parisDate(instant);
  const weekday = new Date(dateMs(today)).getUTCDay(); // 0 = Sunday
  return addDays(today, -((weekday + 6) % 7));
}

export interface Week {
  /** Its Monday, AAAA-MM-JJ. */
  weekStart: string;
  /** Its first instant and the next week's, as stored (ISO, UTC, milliseconds): [from, to). */
  from: string;
  to: string;
}

/** The `count` weeks that end with the one holding `now`, oldest first. */
export function lastWeeks(now: Date, count: number): Week[] {
  const current = parisWeekStart(now);
  return Array.from({ length: count }, (_, i) => {
    const weekStart = addDays(current, (i - count + 1) * 7);
    return {
      weekStart,
      from: parisMidnight(weekStart).toISOString(),
      to: parisMidnight(addDays(weekStart, 7)).toISOString(),
    };
  });
}
