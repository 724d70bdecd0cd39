import { applicationFromColumns } from '../../shared/db/application-rows';
import { alertFromColumns, contactFromColumns } from '../../shared/db/profile-rows';
import type { PlatformDb } from '../db/open';
import type { AlertsTable, ApplicationsTable, ContactsTable, OffersTable } from '../db/schema';
import { recordSharedOrPrivate, rerecordEntries, type FeedOnlyEntityName } from './log';

// What belongs to an offer (its applications, the contacts made to profiles about it, its
// alerts) follows the offer's visibility in the structure's feed (see ./offer-feed.ts):
//
// - for a shared offer, the entity itself (`application`, `contact`, `alert`), for every member;
// - for an unshared offer, its private twin (`private_application`, …), with the same data, for
//   the offer's creator and the référent of the moment (no REST resource: the desktop reads it
//   as the entity itself);
// - when the offer's sharing changes, they move with it (tombstone first), in the same
//   transaction (recordOffer calls recordOfferBoundOf);
// - a transfer of the référent's rights re-records the private entries, after the
//   `private_offer` ones, so that the new référent's desktop receives the offer first.

export type OfferBoundEntity = 'application' | 'contact' | 'alert';

const privateTwin: Record<OfferBoundEntity, FeedOnlyEntityName> = {
  application: 'private_application',
  contact: 'private_contact',
  alert: 'private_alert',
};

type OfferAudience = Pick<OffersTable, 'shared_with_structure' | 'created_by'>;

interface OfferBoundChange {
  structureId: string;
  id: string;
  version: number;
  /** Null for a deletion (tombstone). */
  data: unknown;
}

/** A change of something bound to `offer`, under the entity the offer's sharing gives. */
export function recordOfferBound(
  trx: PlatformDb,
  entity: OfferBoundEntity,
  change: OfferBoundChange,
  offer: OfferAudience,
): Promise<boolean> {
  return recordSharedOrPrivate(
    trx,
    { shared: entity, private: privateTwin[entity] },
    {
      structureId: change.structureId,
      entityId: change.id,
      version: change.version,
      data: change.data,
      shared: offer.shared_with_structure === 1,
      ownerUserId: offer.created_by,
    },
  );
}

function audienceOf(trx: PlatformDb, offerId: string): Promise<OfferAudience> {
  return trx
    .selectFrom('offers')
    .select(['shared_with_structure', 'created_by'])
    .where('id', '=', offerId)
    .executeTakeFirstOrThrow();
}

const applicationChange = (row: ApplicationsTable) => ({
  structureId: row.structure_id,
  id: row.id,
  version: row.version,
  data: applicationFromColumns(row),
});

const contactChange = (row: ContactsTable) => ({
  structureId: row.structure_id,
  id: row.id,
  version: row.version,
  data: contactFromColumns(row),
});

const alertChange = (row: AlertsTable) => ({
  structureId: row.structure_id,
  id: row.id,
  version: row.version,
  data: alertFromColumns(row),
});

/** An application's new state in its structure's feed. */
export async function recordApplication(trx: PlatformDb, row: ApplicationsTable): Promise<void> {
  await recordOfferBound(trx, 'application', applicationChange(row), await audienceOf(trx, row.offer_id));
}

/** A contact's new state in its structure's feed. */
export async function recordContact(trx: PlatformDb, row: ContactsTable): Promise<void> {
  await recordOfferBound(trx, 'contact', contactChange(row), await audienceOf(trx, row.offer_id));
}

/** An alert's new state (or its deletion, `deleted`) in its structure's feed; `offer` is the alert's. */
export async function recordAlert(
  trx: PlatformDb,
  row: AlertsTable,
  offer?: OfferAudience,
  deleted = false,
): Promise<void> {
  const change = alertChange(row);
  await recordOfferBound(
    trx,
    'alert',
    deleted ? { ...change, data: null } : change,
    offer ?? (await audienceOf(trx, row.offer_id)),
  );
}

/** The offer's sharing changed: what belongs to it moves to the entities it now belongs to. */
export async function recordOfferBoundOf(trx: PlatformDb, offer: OffersTable): Promise<void> {
  const applications = await trx
    .selectFrom('applications')
    .selectAll()
    .where('offer_id', '=', offer.id)
    .orderBy('number')
    .execute();
  for (const row of applications) await recordOfferBound(trx, 'application', applicationChange(row), offer);
  const contacts = await trx
    .selectFrom('contacts')
    .selectAll()
    .where('offer_id', '=', offer.id)
    .orderBy('sent_at')
    .execute();
  for (const row of contacts) await recordOfferBound(trx, 'contact', contactChange(row), offer);
  const alerts = await trx
    .selectFrom('alerts')
    .selectAll()
    .where('offer_id', '=', offer.id)
    .orderBy('score', 'desc')
    .execute();
  for (const row of alerts) await recordOfferBound(trx, 'alert', alertChange(row), offer);
}

/** After a transfer of the référent's rights: the new référent's desktop gets the private entries. */
export async function handOverPrivateOfferBound(trx: PlatformDb, structureId: string): Promise<void> {
  for (const entity of Object.values(privateTwin)) await rerecordEntries(trx, structureId, entity);
}
