import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, lastWeeks, parisDate, parisMidnight, parisWeekStart } from './paris-time';

describe('Paris calendar days and weeks', () => {
  it('gives the Paris date of an instant, whatever the machine’s zone', () => {
    expect(parisDate(new Date('2026-01-05T22:59:59.999Z'))).toBe('2026-01-05');
    expect(parisDate(new Date('2026-01-05T23:00:00.000Z'))).toBe('2026-01-06');
    expect(parisDate(new Date('2026-07-05T21:59:59.000Z'))).toBe('2026-07-05');
    expect(parisDate(new Date('2026-07-05T22:00:00.000Z'))).toBe('2026-07-06');
  });

  it('starts a day at midnight in winter and in summer time', () => {
    expect(parisMidnight('2026-01-05').toISOString()).toBe('2026-01-04T23:00:00.000Z');
    expect(parisMidnight('2026-07-06').toISOString()).toBe('2026-07-05T22:00:00.000Z');
    // The days of the changes themselves start before them.
    expect(parisMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parisMidnight('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(parisMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(parisMidnight('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('counts calendar days and weeks from Monday', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    // Sunday 29 March 2026 at 23:30 in Paris (summer time) is still in the week of Monday 23.
    expect(parisWeekStart(new Date('2026-03-29T21:30:00.000Z'))).toBe('2026-03-23');
    expect(parisWeekStart(new Date('2026-03-29T22:00:00.000Z'))).toBe('2026-03-30');
    // Monday 00:30 in Paris, Sunday 23:30 in UTC (winter).
    expect(parisWeekStart(new Date('2026-01-04T23:30:00.000Z'))).toBe('2026-01-05');
  });

  it('gives the last weeks, oldest first, with their bounds across a change of time', () => {
    const weeks = lastWeeks(new Date('2026-11-04T10:00:00.000Z'), 3);
    expect(weeks).toEqual([
      // The week of the last Sunday of October (the 25th) lasts 169 hours.
      { weekStart: '2026-10-19', from: '2026-10-18T22:00:00.000Z', to: '2026-10-25T23:00:00.000Z' },
      { weekStart: '2026-10-26', from: '2026-10-25T23:00:00.000Z', to: '2026-11-01T23:00:00.000Z' },
      { weekStart: '2026-11-02', from: '2026-11-01T23:00:00.000Z', to: '2026-11-08T23:00:00.000Z' },
    ]);
  });
});
