import type { Generated } from 'kysely';

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

export interface UsersTable {
  id: string;
  mail: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  mobile: string;
  consent_at: string;
  structure_id: string | null;
  role: 'referent' | 'gestionnaire' | null;
  created_at: string;
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

export interface StructuresTable {
  id: string;
  siret: string;
  legal_name: string;
  naf_code: string;
  naf_label: string;
  headcount_band: string | null;
  trade_name: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  street: string;
  postal_code: string;
  commune_code: string;
  commune_name: string;
  accepts_third_grade_interns: number;
  accepts_second_grade_interns: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  mail: string;
  ip: string;
  succeeded: number;
  at: string;
}

export interface PlatformDatabase {
  companies: CompaniesTable;
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  structures: StructuresTable;
  settings: SettingsTable;
}
