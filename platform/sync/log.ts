import type { SyncEntityName } from '../../shared/api/sync';
import { structureFromColumns, userFromColumns } from '../../shared/db/rows';
import { toMember } from '../db/mappers';
import type { PlatformDb } from '../db/open';
import type { StructuresTable, UsersTable } from '../db/schema';

interface ChangeRecord {
  structureId: string;
  entity: SyncEntityName;
  entityId: string;
  version: number;
  /** Null for a deletion (tombstone). */
  data: unknown;
  /** Only this user receives the change (their own account). */
  ownerUserId?: string;
}

/**
 * Appends a change to the structure's feed, in the caller's transaction: the change and its
 * place in the sequence commit together, or neither does.
 */
export async function recordChange(trx: PlatformDb, change: ChangeRecord): Promise<number> {
  const { last_seq: seq } = await trx
    .insertInto('structure_sequences')
    .values({ structure_id: change.structureId, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .column('structure_id')
        .doUpdateSet((eb) => ({ last_seq: eb('structure_sequences.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const row = {
    structure_id: change.structureId,
    entity: change.entity,
    entity_id: change.entityId,
    seq,
    version: change.version,
    deleted: change.data === null ? 1 : 0,
    data: change.data === null ? null : JSON.stringify(change.data),
    owner_user_id: change.ownerUserId ?? null,
    changed_at: new Date().toISOString(),
  };
  await trx
    .insertInto('sync_log')
    .values(row)
    .onConflict((oc) => oc.columns(['structure_id', 'entity', 'entity_id']).doUpdateSet(row))
    .execute();
  return seq;
}

export function recordStructure(trx: PlatformDb, row: StructuresTable): Promise<number> {
  return recordChange(trx, {
    structureId: row.id,
    entity: 'structure',
    entityId: row.id,
    version: row.version,
    data: structureFromColumns(row),
  });
}

/**
 * A user's own account (for them only) and their member card (for their structure, pending
 * collaborators included, so that its référent sees the request arrive).
 */
export async function recordUser(trx: PlatformDb, row: UsersTable): Promise<void> {
  if (!row.structure_id) return;
  await recordChange(trx, {
    structureId: row.structure_id,
    entity: 'account',
    entityId: row.id,
    version: row.version,
    data: userFromColumns(row),
    ownerUserId: row.id,
  });
  await recordChange(trx, {
    structureId: row.structure_id,
    entity: 'member',
    entityId: row.id,
    version: row.version,
    data: toMember(row),
  });
}

/**
 * A user left `structureId` (removed, request refused or withdrawn, account closed): their card
 * becomes a tombstone in its feed. Their own account entry goes, with the personal data it
 * held: nobody else could read it, and they no longer can.
 */
export async function recordDeparture(
  trx: PlatformDb,
  structureId: string,
  userId: string,
  version: number,
): Promise<void> {
  await trx
    .deleteFrom('sync_log')
    .where('structure_id', '=', structureId)
    .where('entity', '=', 'account')
    .where('entity_id', '=', userId)
    .execute();
  await recordChange(trx, { structureId, entity: 'member', entityId: userId, version, data: null });
}
