import type { MemberColumns, StructureColumns, UserColumns } from '../../../shared/db/rows';
import type { SyncState } from '../../../shared/domain/sync';

/** The desktop's local cache: one SQLite file per signed-in account. */
interface Synced {
  sync_state: SyncState;
}

export type AccountTable = UserColumns & Synced;
export type StructureTable = StructureColumns & Synced;
export type MemberTable = MemberColumns & Synced;

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
  shadow: ShadowTable;
  outbox: OutboxTable;
  meta: MetaTable;
}
