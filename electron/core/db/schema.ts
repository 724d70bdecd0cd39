import type { StructureColumns, UserColumns } from '../../../shared/db/rows';

/** The desktop's local cache: one SQLite file per signed-in account. */
export interface AccountTable extends UserColumns {
  fetched_at: string;
}

export interface StructureTable extends StructureColumns {
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
