import type { Generated } from 'kysely';
import type { AlertColumns } from '../../shared/db/profile-rows';
import type { EmployerColumns, OfferColumns, StructureColumns, UserColumns } from '../../shared/db/rows';
import type { ApplicationColumns } from '../../shared/db/application-rows';

export interface CompaniesTable {
  siret: string;
  siren: string;
  legal_name: string;
  trade_name: string | null;
  naf_code: string;
  headcount_band: string | null;
  street: string;
  postal_code: string;
  commune_code: string;
  commune_name: string;
  active: number;
}

export interface UsersTable extends UserColumns {
  /** When the user joined their current structure. */
  structure_joined_at: string | null;
  password_hash: string;
  consent_at: string;
  updated_at: string;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  expires_at: string;
  created_at: string;
  revoked_at: string | null;
  replaced_by: string | null;
}

export interface StructuresTable extends StructureColumns {
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface SyncLogTable {
  structure_id: string;
  entity: string;
  entity_id: string;
  seq: number;
  version: number;
  deleted: number;
  /** The entity as JSON (absent for tombstones). */
  data: string | null;
  /** Set for changes only one member may receive (their account, their unshared offer, its applications). */
  owner_user_id: string | null;
  /** 1: the référent of the moment receives it as well (unshared offers, their applications). */
  referent_too: number;
  changed_at: string;
}

export interface StructureSequencesTable {
  structure_id: string;
  last_seq: number;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  status: number;
  body: string;
  created_at: string;
}

export interface EmployersTable extends EmployerColumns {
  structure_id: string;
  /** The platform decides at once: a request is never "en_attente" here. */
  status: 'acceptee' | 'refusee';
}

export interface OffersTable extends OfferColumns {
  structure_id: string;
  /** Given at creation: never "provisoire" here. */
  number: number;
  /** The commune's centre point. */
  latitude: number;
  longitude: number;
  /** Title, description, métier and employer, lower case without accents (public search). */
  search_text: string;
  published_at: string;
  archive_at: string;
}

export interface PlatformSequencesTable {
  name: string;
  last_value: number;
}

export interface FranceTravailQueueTable {
  id: Generated<number>;
  offer_id: string;
  offer_version: number;
  action: 'diffuser' | 'retirer';
  queued_at: string;
  sent_at: string | null;
}

export interface CandidatesTable {
  id: string;
  mail: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  mobile: string;
  /** aaaa-mm-jj; staff only ever see the age it gives. */
  birth_date: string;
  created_at: string;
  version: number;
}

export interface CandidateProfilesTable {
  id: string;
  candidate_id: string;
  rome_code: string;
  rome_label: string;
  /** JSON array of { diplomaId, state }. */
  diplomas: string;
  commune_code: string;
  commune_name: string;
  latitude: number;
  longitude: number;
  mobility_km: number;
  available_from: string;
  /** JSON array of contract types. */
  contract_types: string;
  presentation: string;
  oeth: number;
  /** Métier, diplomas, presentation and commune, lower case without accents (profile search). */
  search_text: string;
  created_at: string;
}

export interface ApplicationsTable extends ApplicationColumns {
  structure_id: string;
  /** Null once the candidate closed the account. */
  candidate_id: string | null;
  /** Null once the candidate deleted the profile (or closed the account). */
  profile_id: string | null;
}

export interface CandidateNotificationsTable {
  id: string;
  candidate_id: string;
  kind: 'entretien' | 'refus' | 'contact';
  /** The application replied to (null for a contact). */
  application_id: string | null;
  application_number: number | null;
  /** The profile a structure contacted (null for a reply). */
  profile_id: string | null;
  offer_number: number;
  offer_title: string;
  structure_name: string;
  message: string;
  /** A refusal's reason as the candidate reads it (null otherwise, and before reasons existed). */
  refusal_reason: string | null;
  created_at: string;
}

/** A favourite of a structure (its id, for the API and the feed, is the profile's). */
export interface FavoritesTable {
  structure_id: string;
  profile_id: string;
  /** "Prénom Nom" of the member who added it. */
  added_by: string;
  added_at: string;
  version: number;
  updated_at: string;
}

export interface ContactsTable {
  id: string;
  structure_id: string;
  /** No foreign key: the contact stays when the candidate deletes the profile. */
  profile_id: string;
  profile_name: string;
  offer_id: string;
  offer_number: number;
  offer_title: string;
  message: string;
  sent_by: string;
  sent_at: string;
  version: number;
  updated_at: string;
}

/** An alert as the desktop stores it too (shared/db/profile-rows.ts), in its structure. */
export type AlertsTable = AlertColumns & { structure_id: string };

export interface CandidateIdempotencyKeysTable {
  candidate_id: string;
  key: string;
  request_hash: string;
  status: number;
  body: string;
  created_at: string;
}

/** One rate-limit counter: `hits` in the window that ends at `resets_at` (ms since the epoch). */
export interface RateLimitsTable {
  key: string;
  hits: number;
  resets_at: number;
}

export interface PlatformDatabase {
  companies: CompaniesTable;
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  structures: StructuresTable;
  settings: SettingsTable;
  sync_log: SyncLogTable;
  structure_sequences: StructureSequencesTable;
  idempotency_keys: IdempotencyKeysTable;
  employers: EmployersTable;
  offers: OffersTable;
  platform_sequences: PlatformSequencesTable;
  france_travail_queue: FranceTravailQueueTable;
  candidates: CandidatesTable;
  candidate_profiles: CandidateProfilesTable;
  applications: ApplicationsTable;
  candidate_notifications: CandidateNotificationsTable;
  candidate_idempotency_keys: CandidateIdempotencyKeysTable;
  favorites: FavoritesTable;
  contacts: ContactsTable;
  alerts: AlertsTable;
  rate_limits: RateLimitsTable;
}
