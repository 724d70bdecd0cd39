import type { ApplicationStatus } from '../../../shared/domain/applications';

export const APPLICATIONS_PATH = '/mon-espace/candidatures';
export const REPLY_TEMPLATES_PATH = '/mon-espace/modeles-de-reponse';

export function applicationPath(id: string): string {
  return `${APPLICATIONS_PATH}/${id}`;
}

/** What a link into "Candidatures" may preset (the rest of the list's state starts empty). */
export interface ApplicationsLink {
  status?: ApplicationStatus;
  offerId?: string;
  employerId?: string;
  overdue?: boolean;
}

// French names in the address bar: a deep link (or a bookmark) reads as what it shows.
export const listParamNames = {
  tab: 'onglet',
  offerId: 'offre',
  employerId: 'employeur',
  receivedFrom: 'du',
  receivedTo: 'au',
  q: 'recherche',
  overdue: 'en-retard',
  sort: 'tri',
  direction: 'ordre',
  page: 'page',
} as const;

export const DEFAULT_TAB: ApplicationStatus = 'a_traiter';

/** The address of "Candidatures" on a tab, for one offer or employer, or only the overdue ones. */
export function applicationsListPath(link: ApplicationsLink = {}): string {
  const params = new URLSearchParams();
  if (link.status && link.status !== DEFAULT_TAB) params.set(listParamNames.tab, link.status);
  if (link.offerId) params.set(listParamNames.offerId, link.offerId);
  if (link.employerId) params.set(listParamNames.employerId, link.employerId);
  if (link.overdue) params.set(listParamNames.overdue, 'oui');
  const search = params.toString();
  return search ? `${APPLICATIONS_PATH}?${search}` : APPLICATIONS_PATH;
}

/**
 * Where a notice of new applications leads (the in-app toast, and the Electron shell when the
 * user clicks its desktop notification): the list "A traiter".
 */
export function newApplicationsPath(): string {
  return applicationsListPath({ status: 'a_traiter' });
}
