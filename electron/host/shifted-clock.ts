/**
 * `--now` of the web host: a clock that reads `start` at once and then runs at the pace of the
 * real one (`real`, injected for tests), so that what is due after N days can be shown today.
 * Null when `start` is not an ISO 8601 date and time.
 */
export function shiftedClock(start: string, real: () => number = Date.now): (() => Date) | null {
  const at = Date.parse(start);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(start) || Number.isNaN(at)) return null;
  const offset = at - real();
  return () => new Date(real() + offset);
}
