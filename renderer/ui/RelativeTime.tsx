import { VisuallyHidden } from '@mantine/core';
import { formatDate, formatDateTime, formatRelative } from './dates';
import { useNow } from './useNow';

interface Props {
  /** The moment, as an ISO timestamp. */
  at: string;
  /** The sentence around the relative time: `(r) => \`Synchronisé ${r}\``. */
  relative?: (when: string) => string;
  /** The same sentence around the absolute date, for the tooltip and screen readers. */
  absolute?: (when: string) => string;
}

/**
 * "il y a 3 minutes" on screen, refreshed as time passes, with the date itself in the tooltip.
 * Screen readers get the date, which does not change each minute: inside a live region a
 * ticking "il y a…" would be announced again and again.
 */
export function RelativeTime({ at, relative = (when) => when, absolute = (when) => when }: Props) {
  const now = useNow();
  const full = absolute(formatDateTime(at));
  return (
    <time dateTime={at} title={full}>
      <span aria-hidden>{relative(formatRelative(at, now))}</span>
      <VisuallyHidden>{full}</VisuallyHidden>
    </time>
  );
}

/** "30 novembre 2026 (il y a 3 jours)": the date, and how old it is, for a details page. */
export function DateWithAge({ at }: { at: string }) {
  const now = useNow();
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatDate(at)} ({formatRelative(at, now)})
    </time>
  );
}
