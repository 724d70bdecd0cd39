import type { SyncEntityName } from '../../shared/api/sync';
import { structureFromColumns, userFromColumns } from '../../shared/db/rows';
import { toEmployer } from '../employers/columns';
import { toMember } from '../db/mappers';
import type { PlatformDb } from '../db/open';
import { announceChange, type FeedPoke } from './pokes';
import type { EmployersTable, StructuresTable, UsersTable } from '../db/schema';

/**
 * Entities of the feed that have no REST path of their own: an offer not shared with the
 * structure travels as `private_offer` (see ./offer-feed.ts), and what belongs to it as
 * `private_application`, `private_contact` and `private_alert` (see ./offer-bound-feed.ts).
 */
export type FeedOnlyEntityName =
  'private_offer' | 'private_application' | 'private_contact' | 'private_alert';

interface ChangeRecord {
  structureId: string;
  entity: SyncEntityName | FeedOnlyEntityName;
  entityId: string;
  version: number;
  /** Null for a deletion (tombstone). */
  data: unknown;
  /** Only this user receives the change (their own account, their unshared offer)... */
  ownerUserId?: string;
  /** ...and the structure's référent of the moment, when set. */
  referentToo?: boolean;
}

/** The next position in the structure's sequence. */
async function nextSeq(trx: PlatformDb, structureId: string): Promise<number> {
  const { last_seq: seq } = await trx
    .insertInto('structure_sequences')
    .values({ structure_id: structureId, last_seq: 1 })
    .onConflict((oc) =>
      oc
        .column('structure_id')
        .doUpdateSet((eb) => ({ last_seq: eb('structure_sequences.last_seq', '+', 1) })),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return seq;
}

/**
 * Appends a change to the structure's feed, in the caller's transaction: the change and its
 * place in the sequence commit together, or neither does.
 */
export async function recordChange(trx: PlatformDb, change: ChangeRecord): Promise<number> {
  const seq = await nextSeq(trx, change.structureId);
  const row = {
    structure_id: change.structureId,
    entity: change.entity,
    entity_id: change.entityId,
    seq,
    version: change.version,
    deleted: change.data === null ? 1 : 0,
    data: change.data === null ? null : JSON.stringify(change.data),
    owner_user_id: change.ownerUserId ?? null,
    referent_too: change.referentToo ? 1 : 0,
    changed_at: new Date().toISOString(),
  };
  await trx
    .insertInto('sync_log')
    .values(row)
    .onConflict((oc) => oc.columns(['structure_id', 'entity', 'entity_id']).doUpdateSet(row))
    .execute();
  await announceChange(trx, {
    structureId: change.structureId,
    seq,
    ownerUserId: change.ownerUserId ?? null,
    referentToo: change.referentToo ?? false,
  });
  return seq;
}

/**
 * Moves every live entry of `entity` in the structure's feed to the end of its sequence, data
 * unchanged: readers whose cursor is past them receive them again at their next pull (a new
 * référent, for the entries addressed to "the référent of the moment").
 */
export async function rerecordEntries(
  trx: PlatformDb,
  structureId: string,
  entity: SyncEntityName | FeedOnlyEntityName,
): Promise<number> {
  const entries = await trx
    .selectFrom('sync_log')
    .select(['entity_id', 'owner_user_id', 'referent_too'])
    .where('structure_id', '=', structureId)
    .where('entity', '=', entity)
    .where('deleted', '=', 0)
    .orderBy('seq')
    .execute();
  const changedAt = new Date().toISOString();
  // One poke per audience, at its last new position: a stream needs to hear only where to pull to.
  const lastByAudience = new Map<string, FeedPoke>();
  for (const { entity_id, owner_user_id, referent_too } of entries) {
    const seq = await nextSeq(trx, structureId);
    await trx
      .updateTable('sync_log')
      .set({ seq, changed_at: changedAt })
      .where('structure_id', '=', structureId)
      .where('entity', '=', entity)
      .where('entity_id', '=', entity_id)
      .execute();
    const poke = { structureId, seq, ownerUserId: owner_user_id, referentToo: referent_too === 1 };
    lastByAudience.set(`${owner_user_id ?? ''}|${referent_too}`, poke);
  }
  for (const poke of lastByAudience.values()) await announceChange(trx, poke);
  return entries.length;
}

/**
 * An entity that every member sees when it is shared with the structure (`entities.shared`),
 * and otherwise only its owner and the référent of the moment (`entities.private`). It moves from
 * one entity name to the other in the caller's transaction: first the tombstone of the one it
 * leaves (for that one's audience), then the entry of the one it joins. Returns whether it moved.
 */
export async function recordSharedOrPrivate(
  trx: PlatformDb,
  entities: { shared: SyncEntityName; private: FeedOnlyEntityName },
  change: Omit<ChangeRecord, 'entity' | 'ownerUserId' | 'referentToo'> & {
    shared: boolean;
    ownerUserId: string;
  },
): Promise<boolean> {
  const { shared, ownerUserId, ...entry } = change;
  const audienceOf = (entity: SyncEntityName | FeedOnlyEntityName) =>
    entity === entities.private ? { ownerUserId, referentToo: true } : {};
  const joins = shared ? entities.shared : entities.private;
  const leaves = shared ? entities.private : entities.shared;
  const previous = await trx
    .selectFrom('sync_log')
    .select('deleted')
    .where('structure_id', '=', entry.structureId)
    .where('entity', '=', leaves)
    .where('entity_id', '=', entry.entityId)
    .executeTakeFirst();
  const moved = previous !== undefined && previous.deleted === 0;
  if (moved) {
    await recordChange(trx, { ...entry, entity: leaves, data: null, ...audienceOf(leaves) });
  }
  await recordChange(trx, { ...entry, entity: joins, ...audienceOf(joins) });
  return moved;
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

/** A partner employer (accepted or refused), for every member of its structure. */
export function recordEmployer(trx: PlatformDb, row: EmployersTable): Promise<number> {
  return recordChange(trx, {
    structureId: row.structure_id,
    entity: 'employer',
    entityId: row.id,
    version: row.version,
    data: toEmployer(row),
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
