import type { LocalAlert } from '../../../shared/domain/alerts';
import { profileName } from '../profiles/labels';

export interface AlertFilters {
  /** 0 to 100; 0 keeps them all. */
  minScore: number;
  /** Words all found in the candidate's name, métier, commune or the offer's title. */
  text: string;
}

/** "Élodie" and "elodie" are the same word here. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function haystack(alert: LocalAlert): string {
  const { profile } = alert;
  return fold([profileName(profile), profile.romeLabel, profile.communeName, alert.offerTitle].join(' '));
}

/**
 * The alerts the page shows, in the core's order (best first). The offer is filtered by the core;
 * score and words here, on at most a few thousand rows already loaded.
 */
export function filterAlerts(alerts: readonly LocalAlert[], filters: AlertFilters): LocalAlert[] {
  const words = fold(filters.text).split(/\s+/).filter(Boolean);
  return alerts.filter((alert) => {
    if (alert.score < filters.minScore) return false;
    if (words.length === 0) return true;
    const text = haystack(alert);
    return words.every((word) => text.includes(word));
  });
}
