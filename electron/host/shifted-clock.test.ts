import { describe, expect, it } from 'vitest';
import { shiftedClock } from './shifted-clock';

describe('shiftedClock (--now)', () => {
  it('starts at the instant given and runs on with the real clock', () => {
    let real = Date.parse('2026-12-07T02:00:00Z');
    const clock = shiftedClock('2026-12-20T09:00:00Z', () => real)!;
    expect(clock().toISOString()).toBe('2026-12-20T09:00:00.000Z');
    real += 90_000;
    expect(clock().toISOString()).toBe('2026-12-20T09:01:30.000Z');
  });

  it('refuses what is not an ISO date and time', () => {
    expect(shiftedClock('demain')).toBeNull();
    expect(shiftedClock('2026-12-20')).toBeNull();
    expect(shiftedClock('2026-13-45T09:00:00Z')).toBeNull();
  });
});
