/** The desktop's local cache: one SQLite file per signed-in account. */
export interface AccountTable {
  id: string;
  mail: string;
  first_name: string;
  last_name: string;
  mobile: string;
  structure_id: string | null;
  role: 'referent' | 'gestionnaire' | null;
  created_at: string;
  fetched_at: string;
}

export interface StructureTable {
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
  updated_at: string;
  /** 'synced' for now; the sync engine adds pending and conflict states. */
  sync_state: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface LocalDatabase {
  account: AccountTable;
  structure: StructureTable;
  meta: MetaTable;
}
