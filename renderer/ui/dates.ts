const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' });
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

/** "30 novembre 2026". */
export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}

/** "30/11/2026 14:05". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
