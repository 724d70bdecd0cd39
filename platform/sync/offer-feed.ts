import type { PlatformDb } from '../db/open';
import type { OffersTable } from '../db/schema';
import { toOffer } from '../offers/columns';
import { recordChange, rerecordEntries } from './log';

// Offers in the structure's feed.
//
// - A shared offer is the entity `offer`, for every member.
// - An offer not shared with the structure is the entity `private_offer`, with the same data,
//   for its creator (`owner_user_id`) and for whoever is the structure's référent when the feed
//   is read (`referent_too = 1`; GET /sync/changes adds these entries for the référent only).
//   It is no REST resource: the desktop reads it as an offer.
// - Sharing or unsharing moves the offer from one entity to the other, in the write's
//   transaction: first the tombstone of the entity it leaves (for that entity's audience), then
//   the entry of the one it joins. A desktop that pulls both in one page deletes, then inserts.
// - A transfer of the référent's rights re-records every live `private_offer` entry at the end of
//   the sequence (handOverPrivateOffers), so that the new référent's desktop, whose cursor is past
//   them, receives them at its next pull. The former référent's desktop keeps receiving only the
//   entries it still may see; it drops the others itself.

type OfferEntity = 'offer' | 'private_offer';

function entityOf(shared: boolean): OfferEntity {
  return shared ? 'offer' : 'private_offer';
}

function audienceOf(entity: OfferEntity, row: OffersTable) {
  return entity === 'private_offer' ? { ownerUserId: row.created_by, referentToo: true } : {};
}

/** An offer's new state (including its automatic archiving) in its structure's feed. */
export async function recordOffer(trx: PlatformDb, row: OffersTable): Promise<void> {
  const shared = row.shared_with_structure === 1;
  const joins = entityOf(shared);
  const leaves = entityOf(!shared);
  const previous = await trx
    .selectFrom('sync_log')
    .select('deleted')
    .where('structure_id', '=', row.structure_id)
    .where('entity', '=', leaves)
    .where('entity_id', '=', row.id)
    .executeTakeFirst();
  if (previous && previous.deleted === 0) {
    await recordChange(trx, {
      structureId: row.structure_id,
      entity: leaves,
      entityId: row.id,
      version: row.version,
      data: null,
      ...audienceOf(leaves, row),
    });
  }
  await recordChange(trx, {
    structureId: row.structure_id,
    entity: joins,
    entityId: row.id,
    version: row.version,
    data: toOffer(row),
    ...audienceOf(joins, row),
  });
}

/** After a transfer of the référent's rights: the new référent's desktop gets the unshared offers. */
export function handOverPrivateOffers(trx: PlatformDb, structureId: string): Promise<number> {
  return rerecordEntries(trx, structureId, 'private_offer');
}
