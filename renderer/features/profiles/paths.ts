export const PROFILES_PATH = '/rechercher-des-profils';

export function profilePath(id: string): string {
  return `${PROFILES_PATH}/${id}`;
}

/** Where "Retour" leads from a profile's "Détails" (the search with its filters, the dashboard…). */
export interface BackLink {
  to: string;
  label: string;
}

/** The router state a link to "Détails" carries, so its "Retour" goes back where the user was. */
export function backTo(to: string, label: string): { back: BackLink } {
  return { back: { to, label } };
}
