import type { StructureColumns, UserColumns } from '../../shared/db/rows';

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

export interface PlatformDatabase {
  companies: CompaniesTable;
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  structures: StructuresTable;
  settings: SettingsTable;
}
