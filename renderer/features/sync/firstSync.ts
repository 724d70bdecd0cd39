import type { SyncStatus } from '../../../shared/domain/sync';
import { formatCount } from '../../ui/plural';

/** This desktop has not received its structure's data yet (a bootstrap runs or was cut off). */
export function isFirstSync(status: SyncStatus | undefined): boolean {
  return Boolean(status && (status.firstSync || status.phase === 'bootstrap'));
}

/** « environ 2 min restantes »: a French duration, rounded as a person would say it. */
export function formatEta(etaSeconds: number | null | undefined): string {
  if (etaSeconds === null || etaSeconds === undefined) return 'estimation en cours';
  if (etaSeconds < 60) return 'moins d’une minute restante';
  const minutes = Math.round(etaSeconds / 60);
  if (minutes < 60) return `environ ${minutes} min ${minutes > 1 ? 'restantes' : 'restante'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `environ ${hours} h${rest > 0 ? ` ${String(rest).padStart(2, '0')} min` : ''} restantes`;
}

/** « 12 345 lignes sur 521 000 », or « 12 345 lignes reçues » while the total is unknown. */
export function formatRows(done: number, total: number | null): string {
  const rows = `${formatCount(done)} ${done > 1 ? 'lignes' : 'ligne'}`;
  return total === null ? `${rows} reçue${done > 1 ? 's' : ''}` : `${rows} sur ${formatCount(total)}`;
}

/** Percent done, or null when the total is not known yet (the bar is then indeterminate). */
export function percentOf(progress: SyncStatus['progress']): number | null {
  if (!progress || progress.total === null) return null;
  if (progress.total <= 0) return 100;
  return Math.min(100, Math.round((100 * progress.done) / progress.total));
}
