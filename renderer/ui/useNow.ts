import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `everyMs`: what "il y a 3 minutes" is counted from. The
 * renderer's only clock for relative times, so the helpers that format them take `now`.
 */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
