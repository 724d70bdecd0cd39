export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/**
 * Delay before the next attempt of a change that failed `attempts` times in a row (network,
 * timeout, 5xx, 429): doubling up to a cap, with "equal jitter" (between half and all of it)
 * so that many desktops back online at once do not knock together. A Retry-After from the
 * platform is a floor.
 */
export function nextDelayMs(
  attempts: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.max(Math.round(jittered), retryAfterMs ?? 0);
}
