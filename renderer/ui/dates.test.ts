import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatDayOrDate,
  formatRelative,
  formatShortDate,
  formatTime,
  parseFrenchDate,
  todayStamp,
  typedDateError,
} from './dates';

describe('displayed dates, in French and Paris time', () => {
  it('formats timestamps in Paris whatever the machine’s zone', () => {
    // 23:30 UTC on 30 November is already 1 December in Paris (UTC+1 in winter).
    expect(formatDate('2026-11-30T23:30:00Z')).toBe('1 décembre 2026');
    expect(formatShortDate('2026-11-30T23:30:00Z')).toBe('01/12/2026');
    expect(formatTime('2026-11-30T23:30:00Z')).toBe('00:30');
    expect(formatDateTime('2026-07-14T12:05:00Z')).toBe('14/07/2026 14:05'); // summer: UTC+2
  });

  it('shows a calendar day as it is, never the day before', () => {
    expect(formatDay('2026-09-01')).toBe('01/09/2026');
    expect(formatDay('2027-01-15')).toBe('15/01/2027');
    expect(formatDayOrDate('2026-09-01')).toBe('01/09/2026');
    expect(formatDayOrDate('2026-09-01T10:00:00Z')).toBe('1 septembre 2026');
  });

  it('stamps file names with the Paris day', () => {
    expect(todayStamp(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayStamp(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});

describe('typed dates', () => {
  it.each([
    ['15/01/2027', '2027-01-15'],
    ['07/12/2026', '2026-12-07'],
    ['7/12/2026', '2026-12-07'],
    ['7/1/2027', '2027-01-07'],
    ['07122026', '2026-12-07'],
    ['07.12.2026', '2026-12-07'],
    ['07-12-2026', '2026-12-07'],
    [' 07 / 12 / 2026 ', '2026-12-07'],
    ['2026-12-07', '2026-12-07'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['31/12/2026', '2026-12-31'],
  ])('reads %s as %s', (typed, iso) => {
    expect(parseFrenchDate(typed)).toBe(iso);
    expect(typedDateError(typed)).toBeNull();
  });

  it.each(['29/02/2027', '29/02/2100', '31/04/2027', '32/01/2027', '00/01/2027', '15/13/2027', '2027-02-30'])(
    'refuses the day that does not exist %s',
    (typed) => {
      expect(parseFrenchDate(typed)).toBeNull();
      expect(typedDateError(typed)).toBe(
        `Le ${typed} n’existe pas : vérifiez le jour et le mois (JJ/MM/AAAA).`,
      );
    },
  );

  it.each(['15/01/27', '15/01', 'demain', '15-01-2027x', '1501202', '12/2026'])(
    'refuses the text %s with the expected format',
    (typed) => {
      expect(parseFrenchDate(typed)).toBeNull();
      expect(typedDateError(typed)).toBe(
        'Date invalide : saisissez-la au format JJ/MM/AAAA, par exemple 15/01/2027.',
      );
    },
  );

  it('refuses years out of reach as typing slips', () => {
    expect(parseFrenchDate('15/01/0202')).toBeNull();
    expect(typedDateError('15/01/0202')).toBe(
      'L’année 202 n’est pas valable : saisissez une date entre 1900 et 2199.',
    );
    expect(parseFrenchDate('01/01/1900')).toBe('1900-01-01');
  });

  it('has nothing to say about an empty field', () => {
    expect(parseFrenchDate('')).toBeNull();
    expect(typedDateError('  ')).toBeNull();
  });
});

describe('relative times', () => {
  const now = new Date('2026-12-07T10:00:00Z'); // 11:00 in Paris
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
  const minute = 60_000;
  const hour = 60 * minute;

  it('says « à l’instant » under a minute, either way', () => {
    expect(formatRelative(at(0), now)).toBe('à l’instant');
    expect(formatRelative(at(-59_999), now)).toBe('à l’instant');
    expect(formatRelative(at(59_999), now)).toBe('à l’instant');
  });

  it('counts whole minutes under an hour', () => {
    expect(formatRelative(at(-minute), now)).toBe('il y a 1 minute');
    expect(formatRelative(at(-2 * minute + 1), now)).toBe('il y a 1 minute');
    expect(formatRelative(at(-59 * minute), now)).toBe('il y a 59 minutes');
    expect(formatRelative(at(5 * minute), now)).toBe('dans 5 minutes');
  });

  it('counts hours within the same Paris day', () => {
    expect(formatRelative(at(-hour), now)).toBe('il y a 1 heure');
    expect(formatRelative(at(-11 * hour), now)).toBe('il y a 11 heures'); // 00:00 in Paris
    expect(formatRelative(at(12 * hour + 59 * minute), now)).toBe('dans 12 heures'); // 23:59
  });

  it('counts Paris calendar days beyond', () => {
    expect(formatRelative(at(-11 * hour - 1), now)).toBe('hier'); // 23:59:59 the day before
    expect(formatRelative(at(13 * hour), now)).toBe('demain'); // 00:00 the next day
    expect(formatRelative(at(-35 * hour), now)).toBe('hier'); // 00:00 the day before
    expect(formatRelative(at(-36 * hour), now)).toBe('avant-hier');
    expect(formatRelative('2026-12-04T08:00:00Z', now)).toBe('il y a 3 jours');
    expect(formatRelative('2026-12-10T08:00:00Z', now)).toBe('dans 3 jours');
    expect(formatRelative('2026-11-07T12:00:00Z', now)).toBe('il y a 30 jours');
  });

  it('then months and years', () => {
    expect(formatRelative('2026-11-06T08:00:00Z', now)).toBe('le mois dernier'); // 31 days
    expect(formatRelative('2026-10-07T08:00:00Z', now)).toBe('il y a 2 mois');
    expect(formatRelative('2026-09-07T08:00:00Z', now)).toBe('il y a 3 mois');
    expect(formatRelative('2025-12-08T08:00:00Z', now)).toBe('il y a 11 mois');
    expect(formatRelative('2025-12-07T08:00:00Z', now)).toBe('l’année dernière');
    expect(formatRelative('2023-12-07T08:00:00Z', now)).toBe('il y a 3 ans');
    expect(formatRelative('2027-03-07T08:00:00Z', now)).toBe('dans 3 mois');
    expect(formatRelative('2026-10-08T08:00:00Z', now)).toBe('le mois dernier'); // 60 days
    expect(formatRelative('2028-12-07T08:00:00Z', now)).toBe('dans 2 ans');
  });
});
