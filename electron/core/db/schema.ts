import type {
  EmployerColumns,
  MemberColumns,
  OfferColumns,
  StructureColumns,
  UserColumns,
} from '../../../shared/db/rows';
import type { ApplicationColumns } from '../../../shared/db/application-rows';
import type { SyncState } from '../../../shared/domain/sync';
import type {
  AlertColumns,
  ContactColumns,
  FavoriteColumns,
  ProfileColumns,
} from '../../../shared/db/profile-rows';

/** The desktop's local cache: one SQLite file per signed-in account. */
interface Synced {
  sync_state: SyncState;
}

export type AccountTable = UserColumns & Synced;
export type StructureTable = StructureColumns & Synced;
export type MemberTable = MemberColumns & Synced;
export type EmployerTable = EmployerColumns & Synced;

/** Offers, with the sort keys of "Mes offres" (computed here, never sent). */
export interface OfferSortKeys {
  title_key: string;
  employer_key: string;
  /** The number, or a provisional offer's place after every numbered one. */
  number_key: number;
}
export type OfferTable = OfferColumns & OfferSortKeys & Synced;

/** Applications, with the sort and search keys of "Candidatures" (computed here, never sent). */
export interface ApplicationSortKeys {
  /** The applicant's name folded (see search-key.ts); empty once their data was removed. */
  applicant_key: string;
  offer_key: string;
  /** The applicant's profile (null once their data was removed). */
  profile_id: string | null;
}
/** What the dashboard reads (migration 0007, dashboard/tallies.ts). */
export interface ApplicationDashboardColumns {
  /** Seconds from reception to the first answer, null while unanswered. */
  answer_s: number | null;
}
export type ApplicationTable = ApplicationColumns &
  ApplicationSortKeys &
  ApplicationDashboardColumns &
  Synced;

/** How many applications each status holds, kept as rows are written (the dashboard reads 4 rows, not 200,000). */
export interface ApplicationTallyTable {
  status: string;
  n: number;
}

/** Applications per hour of reception (UTC, AAAA-MM-JJTHH) and status: the weekly chart (migration 0007). */
export interface ApplicationHourTallyTable {
  received_hour: string;
  status: string;
  n: number;
}

/** Applications per offer, and how many "A traiter": "Candidatures par offre" (migration 0007). */
export interface ApplicationOfferTallyTable {
  offer_id: string;
  total: number;
  a_traiter: number;
}

/** Answered applications per hour of reception and whole day of delay: the median's chart (migration 0007). */
export interface ApplicationAnswerTallyTable {
  received_hour: string;
  answer_day: number;
  n: number;
}

/** Referentials downloaded from the platform; `search` is the folded label (see search-key.ts). */
export interface RomeTable {
  code: string;
  label: string;
  domain_code: string;
  search: string;
}

export interface DiplomaTable {
  id: string;
  label: string;
  kind: string;
  level: number;
  search: string;
}

export interface CommuneTable {
  code: string;
  name: string;
  postal_code: string;
  departement_code: string;
  latitude: number;
  longitude: number;
  search: string;
}

export type FavoriteTable = FavoriteColumns & Synced;
export type ContactTable = ContactColumns & Synced;
export type AlertTable = AlertColumns & Synced;
/** The profiles seen here (see profiles/cache.ts); not synced as such. */
export type ProfileTable = ProfileColumns;

export interface ShadowTable {
  entity: string;
  id: string;
  version: number;
  data: string;
}

export type OutboxState = 'pending' | 'parked' | 'conflict';
export type OutboxOperation = 'create' | 'update' | 'delete';

export interface OutboxTable {
  position: number;
  /** Also the Idempotency-Key. */
  id: string;
  entity: string;
  entity_id: string;
  operation: OutboxOperation;
  /** JSON: the changed fields and their new values. */
  payload: string;
  /** JSON: the same fields' values before the change, for three-way merges. */
  base: string;
  /**
   * The platform version the change was made on (If-Match). Null for a change made while an
   * earlier one of the same row was waiting: it builds on that one, and gets the version the
   * platform gives it when it is acknowledged (or the version it had if it goes another way).
   */
  base_version: number | null;
  created_at: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  last_error_fields: string | null;
  state: OutboxState;
  /** JSON: { version, fields: { field: { base, mine, theirs } } } while in conflict. */
  conflict: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface LocalDatabase {
  account: AccountTable;
  structure: StructureTable;
  member: MemberTable;
  employer: EmployerTable;
  offer: OfferTable;
  application: ApplicationTable;
  application_tally: ApplicationTallyTable;
  application_hour_tally: ApplicationHourTallyTable;
  application_answer_tally: ApplicationAnswerTallyTable;
  application_offer_tally: ApplicationOfferTallyTable;
  favorite: FavoriteTable;
  contact: ContactTable;
  alert: AlertTable;
  profile: ProfileTable;
  rome: RomeTable;
  diploma: DiplomaTable;
  commune: CommuneTable;
  shadow: ShadowTable;
  outbox: OutboxTable;
  meta: MetaTable;
}
