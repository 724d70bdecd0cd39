import type { Generated } from 'kysely';
import type { EmployerColumns, OfferColumns, StructureColumns, UserColumns } from '../../shared/db/rows';

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
  /** Set for changes only one member may receive (their own account, their unshared offer). */
  owner_user_id: string | null;
  /** 1: the structure's référent of the moment receives it as well (unshared offers). */
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
}
