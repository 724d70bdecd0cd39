import { REPLY_REMINDER_DAYS } from '../../../shared/domain/applications';
import type { LocalApplication } from '../../../shared/domain/session';

/** The flag of an application "A traiter" for too long (lists, "Détails", CSV). */
export const OVERDUE_LABEL = `En attente depuis plus de ${REPLY_REMINDER_DAYS} jours`;

/** How buttons and links name one application: "la candidature n° 1042". */
export function applicationName(application: Pick<LocalApplication, 'number'>): string {
  return `la candidature n° ${application.number}`;
}

/** "n° 12 « Commis de cuisine »". */
export function offerLabel(application: Pick<LocalApplication, 'offerNumber' | 'offerTitle'>): string {
  return `n° ${application.offerNumber} « ${application.offerTitle} »`;
}
