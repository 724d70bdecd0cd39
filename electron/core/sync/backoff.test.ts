import { describe, expect, it, vi } from 'vitest';
import { retryAfterMs } from '../platform/client';
import { defaultBackoff, nextDelayMs, type BackoffPolicy } from './backoff';

const policy: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };
const ALMOST_ONE = 1 - Number.EPSILON;
/** No jitter: always the full delay. */
const top = () => ALMOST_ONE;
const bottom = () => 0;

describe('nextDelayMs', () => {
  it('starts at baseMs and doubles with each failure', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => nextDelayMs(n, policy, top))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000,
    ]);
  });

  it('treats zero (or fewer) attempts as the first', () => {
    expect(nextDelayMs(0, policy, top)).toBe(1_000);
    expect(nextDelayMs(-3, policy, top)).toBe(1_000);
  });

  it('never goes over capMs, however many failures', () => {
    expect(nextDelayMs(7, policy, top)).toBe(60_000); // 64 s, capped
    expect(nextDelayMs(8, policy, top)).toBe(60_000);
    expect(nextDelayMs(100, policy, top)).toBe(60_000);
    expect(nextDelayMs(5_000, policy, top)).toBe(60_000); // 2 ** 4999 is Infinity
    expect(nextDelayMs(5_000, policy, bottom)).toBe(30_000);
  });

  it('keeps the delay between half and all of it (equal jitter)', () => {
    for (const attempts of [1, 2, 3, 5, 7, 20]) {
      const full = Math.min(policy.capMs, policy.baseMs * 2 ** (attempts - 1));
      expect(nextDelayMs(attempts, policy, bottom)).toBe(full / 2);
      expect(nextDelayMs(attempts, policy, top)).toBe(full);
      expect(nextDelayMs(attempts, policy, () => 0.5)).toBe((full * 3) / 4);
      for (let i = 0; i < 50; i++) {
        const r = i / 50;
        const delay = nextDelayMs(attempts, policy, () => r);
        expect(delay).toBeGreaterThanOrEqual(full / 2);
        expect(delay).toBeLessThanOrEqual(full);
      }
    }
  });

  it('answers whole milliseconds', () => {
    const odd: BackoffPolicy = { baseMs: 333, capMs: 10_000 };
    for (const r of [0, 0.1, 0.37, 0.5, 0.99])
      expect(Number.isInteger(nextDelayMs(1, odd, () => r))).toBe(true);
    expect(nextDelayMs(1, odd, bottom)).toBe(167); // 166.5 rounded
  });

  it('draws one random number per delay', () => {
    let calls = 0;
    nextDelayMs(3, policy, () => {
      calls++;
      return 0.3;
    });
    expect(calls).toBe(1);
  });

  it('waits at least what Retry-After asks', () => {
    // Longer than the backoff: Retry-After wins.
    expect(nextDelayMs(1, policy, top, 30_000)).toBe(30_000);
    // Even beyond the cap: the platform knows best.
    expect(nextDelayMs(20, policy, top, 120_000)).toBe(120_000);
    // Shorter than the backoff: the backoff stays.
    expect(nextDelayMs(3, policy, bottom, 500)).toBe(2_000);
    expect(nextDelayMs(3, policy, top, 0)).toBe(4_000);
    // Equal: that value.
    expect(nextDelayMs(3, policy, top, 4_000)).toBe(4_000);
    // Absent: the backoff.
    expect(nextDelayMs(3, policy, top, undefined)).toBe(4_000);
  });

  it('has a sensible default policy: one second, then up to five minutes', () => {
    expect(defaultBackoff).toEqual({ baseMs: 1_000, capMs: 300_000 });
    expect(nextDelayMs(1, defaultBackoff, top)).toBe(1_000);
    expect(nextDelayMs(30, defaultBackoff, top)).toBe(300_000);
    expect(nextDelayMs(30, defaultBackoff, bottom)).toBe(150_000);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-02T10:00:00.000Z');

  it('reads delay-seconds', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs(' 120 ', now)).toBe(120_000);
    expect(retryAfterMs('3600', now)).toBe(3_600_000);
  });

  it('reads an HTTP date in the future as the time left until it', () => {
    expect(retryAfterMs('Mon, 02 Mar 2026 10:01:30 GMT', now)).toBe(90_000);
    expect(retryAfterMs(new Date(now + 5_000).toUTCString(), now)).toBe(5_000);
  });

  it('reads an HTTP date now or in the past as no wait', () => {
    expect(retryAfterMs('Mon, 02 Mar 2026 10:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(0);
  });

  it('measures from the current time by default', () => {
    vi.useFakeTimers({ now });
    try {
      expect(retryAfterMs('Mon, 02 Mar 2026 11:00:00 GMT')).toBe(3_600_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['an empty header', ''],
    ['blanks', '   '],
    ['words', 'bientôt'],
    ['seconds with a unit', '30s'],
    ['no header', undefined],
    ['a number instead of text', 30],
    ['several headers', ['30', '60']],
    ['null', null],
  ])('ignores %s', (_why, header) => {
    expect(retryAfterMs(header, now)).toBeUndefined();
  });
});
