import type { OfferFields } from '../../shared/domain/offers';
import type { PlatformDb } from '../db/open';
import { idTaken } from '../sync/client-ids';
import { recordOffer } from '../sync/offer-feed';
import type { OffersTable } from '../db/schema';
import { fieldColumns } from './columns';
import { queueForFranceTravail } from './france-travail-queue';
import { publication } from './lifetime';
import { nextOfferNumber } from './numbers';
import { resolveReferences, type ReferencedColumns } from './references';
import { searchTextOf } from './search-text';

type FieldColumns = Omit<
  OffersTable,
  | keyof ReferencedColumns
  | 'id'
  | 'structure_id'
  | 'number'
  | 'status'
  | 'search_text'
  | 'created_by'
  | 'created_at'
  | 'published_at'
  | 'archive_at'
  | 'applications_count'
  | 'version'
  | 'updated_at'
>;

/**
 * A new offer of the author's structure, not yet inserted: what it names checked and copied
 * (422 otherwise), then numbered, "En cours" from now. Numbering comes last, so that a refused
 * request never takes a number (the transaction would give it back anyway).
 */
export async function newOffer(
  trx: PlatformDb,
  author: { id: string; structure_id: string },
  id: string,
  fields: OfferFields,
  now: Date,
): Promise<OffersTable> {
  const referenced = (await resolveReferences(trx, author.structure_id, fields)) as ReferencedColumns;
  const written = fieldColumns(fields) as FieldColumns;
  const offer = {
    id,
    structure_id: author.structure_id,
    number: await nextOfferNumber(trx),
    ...written,
    ...referenced,
    status: 'en_cours' as const,
    created_by: author.id,
    created_at: now.toISOString(),
    ...publication(now),
    applications_count: 0,
    version: 1,
    updated_at: now.toISOString(),
  };
  return { ...offer, search_text: searchTextOf(offer) };
}

/** Inserts a new offer with its feed entry and its France Travail log, in the caller's transaction. */
export async function insertOffer(trx: PlatformDb, row: OffersTable): Promise<void> {
  const taken = await trx.selectFrom('offers').select('id').where('id', '=', row.id).executeTakeFirst();
  if (taken) throw idTaken('Une offre');
  await trx.insertInto('offers').values(row).execute();
  await recordOffer(trx, row);
  await queueForFranceTravail(trx, undefined, row);
}
