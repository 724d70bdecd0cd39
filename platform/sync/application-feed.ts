import { applicationFromColumns } from '../../shared/db/rows';
import type { PlatformDb } from '../db/open';
import type { ApplicationsTable, OffersTable } from '../db/schema';
import { recordSharedOrPrivate, rerecordEntries } from './log';

// Applications in the structure's feed follow the visibility of their offer (see ./offer-feed.ts):
//
// - to a shared offer, the entity `application`, for every member;
// - to an unshared offer, the entity `private_application`, with the same data, for the offer's
//   creator and the référent of the moment (it is no REST resource: the desktop reads it as an
//   application);
// - when the offer's sharing changes, its applications move with it (tombstone first), in the
//   same transaction (recordOffer calls recordApplicationsOfOffer);
// - a transfer of the référent's rights re-records the `private_application` entries, after the
//   `private_offer` ones, so that the new référent's desktop receives the offer first.

type OfferAudience = Pick<OffersTable, 'shared_with_structure' | 'created_by'>;

function recordWithAudience(trx: PlatformDb, row: ApplicationsTable, offer: OfferAudience) {
  return recordSharedOrPrivate(
    trx,
    { shared: 'application', private: 'private_application' },
    {
      structureId: row.structure_id,
      entityId: row.id,
      version: row.version,
      data: applicationFromColumns(row),
      shared: offer.shared_with_structure === 1,
      ownerUserId: offer.created_by,
    },
  );
}

/** An application's new state in its structure's feed, under the entity its offer's sharing gives. */
export async function recordApplication(trx: PlatformDb, row: ApplicationsTable): Promise<void> {
  const offer = await trx
    .selectFrom('offers')
    .select(['shared_with_structure', 'created_by'])
    .where('id', '=', row.offer_id)
    .executeTakeFirstOrThrow();
  await recordWithAudience(trx, row, offer);
}

/** The offer's sharing changed: each of its applications moves to the entity it now belongs to. */
export async function recordApplicationsOfOffer(trx: PlatformDb, offer: OffersTable): Promise<void> {
  const rows = await trx
    .selectFrom('applications')
    .selectAll()
    .where('offer_id', '=', offer.id)
    .orderBy('number')
    .execute();
  for (const row of rows) await recordWithAudience(trx, row, offer);
}

/** After a transfer of the référent's rights: the new référent's desktop gets the private applications. */
export function handOverPrivateApplications(trx: PlatformDb, structureId: string): Promise<number> {
  return rerecordEntries(trx, structureId, 'private_application');
}
