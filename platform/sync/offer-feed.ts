import type { PlatformDb } from '../db/open';
import type { OffersTable } from '../db/schema';
import { toOffer } from '../offers/columns';
import { recordOfferBoundOf } from './offer-bound-feed';
import { recordSharedOrPrivate, rerecordEntries } from './log';

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
//   What belongs to it (applications, contacts, alerts) moves after it (./offer-bound-feed.ts).
// - A transfer of the référent's rights re-records every live `private_offer` entry at the end of
//   the sequence (handOverPrivateOffers), so that the new référent's desktop, whose cursor is past
//   them, receives them at its next pull. The former référent's desktop keeps receiving only the
//   entries it still may see; it drops the others itself.

/** An offer's new state (including its automatic archiving) in its structure's feed. */
export async function recordOffer(trx: PlatformDb, row: OffersTable): Promise<void> {
  const moved = await recordSharedOrPrivate(
    trx,
    { shared: 'offer', private: 'private_offer' },
    {
      structureId: row.structure_id,
      entityId: row.id,
      version: row.version,
      data: toOffer(row),
      shared: row.shared_with_structure === 1,
      ownerUserId: row.created_by,
    },
  );
  if (moved) await recordOfferBoundOf(trx, row);
}

/** After a transfer of the référent's rights: the new référent's desktop gets the unshared offers. */
export function handOverPrivateOffers(trx: PlatformDb, structureId: string): Promise<number> {
  return rerecordEntries(trx, structureId, 'private_offer');
}
