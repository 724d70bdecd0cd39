import type { PublicOffersQuery } from '../../shared/domain/offers';
import type { ProfilesQueryInput } from '../../shared/domain/profiles';
import type { ApplicationsListQuery, OffersListQuery } from '../../shared/ipc/contract';

export const queryKeys = {
  session: ['session.get'] as const,
  connectivity: ['connectivity.get'] as const,
  structure: ['structure.get'] as const,
  members: ['members.list'] as const,
  syncStatus: ['sync.status'] as const,
  syncIssues: ['sync.issues'] as const,
  company: (siret: string) => ['companies.lookup', siret] as const,
  employers: ['employers.list'] as const,
  /** Prefix of every employer's details. */
  employerDetails: ['employers.get'] as const,
  employer: (id: string) => ['employers.get', id] as const,
  /** Prefix of every page of "Mes offres", whatever its tab, filters and sort. */
  offers: ['offers.list'] as const,
  offersPage: (query: OffersListQuery) => ['offers.list', query] as const,
  /** Every offer "En cours", all pages of it (the offer selects of contacts and alerts). */
  openOffers: ['offers.list', 'en_cours', 'all'] as const,
  offerCounts: ['offers.counts'] as const,
  offerDetails: ['offers.get'] as const,
  offer: (id: string) => ['offers.get', id] as const,
  /** Prefix of every page of "Candidatures", whatever its tab, filters and sort. */
  applications: ['applications.list'] as const,
  applicationsPage: (query: ApplicationsListQuery) => ['applications.list', query] as const,
  /** Prefix of every count of applications (the whole structure, one offer, one employer). */
  applicationCounts: ['applications.counts'] as const,
  applicationCountsFor: (filter: { offerId?: string; employerId?: string }) =>
    ['applications.counts', filter] as const,
  applicationDetails: ['applications.get'] as const,
  application: (id: string) => ['applications.get', id] as const,
  publicOffers: (query: PublicOffersQuery) => ['offers.publicSearch', query] as const,
  profileSearch: (query: ProfilesQueryInput) => ['profiles.search', query] as const,
  /** Prefix of every profile's "Détails" (with the structure's favourite, contacts, applications, alerts). */
  profileDetails: ['profiles.get'] as const,
  profile: (id: string) => ['profiles.get', id] as const,
  favorites: ['favorites.list'] as const,
  /** Prefix of the alerts, of every offer or one. */
  alerts: ['alerts.list'] as const,
  alertsFor: (offerId: string | null) => ['alerts.list', offerId] as const,
  alertsTop: (limit: number) => ['alerts.list', 'top', limit] as const,
  /** Prefix of the dashboard's "À faire" and charts: each reads several entities. */
  dashboard: ['dashboard'] as const,
  dashboardPart: (part: 'todo' | 'applicationsPerWeek' | 'firstAnswerDelay' | 'applicationsPerOffer') =>
    ['dashboard', part] as const,
  /** Prefix of the global search (Ctrl+K), whatever was typed. */
  globalSearch: ['search.global'] as const,
  globalSearchFor: (q: string) => ['search.global', q] as const,
  rome: (q: string) => ['referentials.rome', q] as const,
  diplomas: ['referentials.diplomas'] as const,
  communes: (q: string) => ['referentials.communes', q] as const,
  /** The label of a code met outside a search (a filter read from the address). */
  referentialOption: (kind: string, code: string | null) => ['referentials.option', kind, code] as const,
};

/**
 * Employers and offers show each other (an offer names its employer, an employer counts its
 * offers), and applications name both; the global search finds them all.
 */
const employersAndOffers = [
  queryKeys.employers,
  queryKeys.employerDetails,
  queryKeys.offers,
  queryKeys.offerDetails,
  queryKeys.offerCounts,
  queryKeys.applications,
  queryKeys.applicationDetails,
  queryKeys.globalSearch,
  queryKeys.dashboard,
];

/**
 * Applications name their offer and employer; offers count their applications; a profile's
 * "Détails" lists its applications.
 */
const applications = [
  queryKeys.applications,
  queryKeys.applicationCounts,
  queryKeys.applicationDetails,
  queryKeys.offers,
  queryKeys.offerDetails,
  queryKeys.profileDetails,
  queryKeys.globalSearch,
  queryKeys.dashboard,
];

/** The queries showing each synced entity's local data. */
export const entityQueries: Record<string, ReadonlyArray<readonly string[]>> = {
  structure: [queryKeys.structure, queryKeys.session],
  account: [queryKeys.session],
  member: [queryKeys.members, queryKeys.dashboard],
  employer: employersAndOffers,
  offer: employersAndOffers,
  application: applications,
  /** The dashboard's "Favoris", and the button of the profile's "Détails". */
  favorite: [queryKeys.favorites, queryKeys.profileDetails, queryKeys.globalSearch],
  /** A profile's "Historique". */
  contact: [queryKeys.profileDetails],
  alert: [queryKeys.alerts, queryKeys.profileDetails, queryKeys.globalSearch],
  /** Downloaded again when the platform publishes a new version (the core's REFERENTIALS_ENTITY). */
  referentials: [
    ['referentials.rome'],
    queryKeys.diplomas,
    ['referentials.communes'],
    ['referentials.option'],
  ],
};
