// Latency figures of bench:platform: answers grouped by path family, as percentiles.

/**
 * `GET /offers/:id` → "GET /offers", `GET /sync/changes` → "GET /sync/changes": what a reader of
 * the report compares. The live stream is left out (it stays open: its "latency" is the test's length).
 */
export function familyOf(method: string, route: string): string | null {
  const segments = route
    .replace(/^\/api\/v1/, '')
    .split('/')
    .filter(Boolean);
  if (segments.length === 0) return null;
  const [first, second] = segments;
  const twoLevels = first === 'sync' || first === 'candidate' || first === 'auth' || first === 'structure';
  const family = `/${first}${twoLevels && second && !second.startsWith(':') ? `/${second}` : ''}`;
  if (family === '/sync/stream') return null;
  return `${method} ${family}`;
}

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 100) / 100;
}

export interface FamilyFigures {
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** Each family's count and percentiles, most used first; `all` over every answer. */
export function summarise(samples: Record<string, number[]>): Record<string, FamilyFigures> {
  const all = Object.values(samples).flat();
  const families = Object.entries(samples).sort(([, a], [, b]) => b.length - a.length);
  return Object.fromEntries([
    ['all', { count: all.length, p50Ms: percentile(all, 50), p95Ms: percentile(all, 95) }],
    ...families.map(([family, times]) => [
      family,
      { count: times.length, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) },
    ]),
  ]);
}
