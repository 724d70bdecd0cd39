import { sql } from 'kysely';
import type { OutboxTable } from '../../db/schema';
import type { WriteTx } from '../../db/store';
import type { FieldConflict, Fields } from '../merge';

// Small helpers on outbox rows that several parts of the engine share.

/** What a conflicting outbox row keeps (its `conflict` column): the platform's version, field by field. */
export interface ConflictRecord {
  version: number;
  fields: Record<string, FieldConflict>;
}

/** A payload, base or error column, read back. */
export function parseFields(json: string | null): Fields {
  return json ? (JSON.parse(json) as Fields) : {};
}

export function pick(data: Fields, keys: string[]): Fields {
  return Object.fromEntries(keys.map((key) => [key, data[key] ?? null]));
}

/**
 * A change leaves the outbox: the next change of the same row, if it was waiting on it, now
 * builds on `version` (the version the platform gave, or the one this change was made on).
 */
export function handOverBase(tx: WriteTx, row: OutboxTable, version: number | null): void {
  tx.run(
    sql`update outbox set base_version = ${version} where base_version is null and position = (
          select min(position) from outbox where entity = ${row.entity} and entity_id = ${row.entity_id} and position > ${row.position})`,
  );
}
