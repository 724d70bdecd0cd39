import type { ExpressionBuilder } from 'kysely';
import type { PlatformDb } from '../db/open';
import type { OffersTable, PlatformDatabase } from '../db/schema';
import type { MemberRow } from '../http/membership';
import { ProblemError } from '../http/problem';

// Who sees an offer: every member of its structure when it is shared with the structure;
// otherwise its creator and the structure's référent only. The platform enforces it; the
// desktop only mirrors it (and receives unshared offers under another feed entity, see
// ../sync/offer-feed.ts).

const unknownOffer = () =>
  new ProblemError(404, 'offer_unknown', 'Aucune offre de votre structure ne correspond à cet identifiant.');

const privateOffer = () =>
  new ProblemError(
    403,
    'offer_private',
    'Cette offre n’est pas partagée avec votre structure : seuls son auteur et le référent peuvent la modifier ou la dupliquer.',
  );

type OfferVisibility = Pick<OffersTable, 'structure_id' | 'shared_with_structure' | 'created_by'>;

function maySee(member: MemberRow, offer: OfferVisibility): boolean {
  return (
    offer.structure_id === member.structure_id &&
    (offer.shared_with_structure === 1 || offer.created_by === member.id || member.role === 'referent')
  );
}

/** The same rule in SQL, for lists (the query must already be limited to the member's structure). */
export function visibleTo(member: MemberRow) {
  return (eb: ExpressionBuilder<PlatformDatabase, 'offers'>) =>
    member.role === 'referent'
      ? eb.lit(true)
      : eb.or([eb('offers.shared_with_structure', '=', 1), eb('offers.created_by', '=', member.id)]);
}

async function offerOfStructure(db: PlatformDb, member: MemberRow, id: string): Promise<OffersTable> {
  const row = await db
    .selectFrom('offers')
    .selectAll()
    .where('id', '=', id)
    .where('structure_id', '=', member.structure_id)
    .executeTakeFirst();
  if (!row) throw unknownOffer();
  return row;
}

/** An offer the member may read: others' unshared offers do not exist for them (404). */
export async function offerToRead(db: PlatformDb, member: MemberRow, id: string): Promise<OffersTable> {
  const row = await offerOfStructure(db, member, id);
  if (!maySee(member, row)) throw unknownOffer();
  return row;
}

/**
 * An offer the member may change or duplicate. Others' unshared offers are refused with 403,
 * not 404: the change may come from a desktop that saw the offer while it was still shared, and
 * the user must learn why it was refused.
 */
export async function offerToManage(db: PlatformDb, member: MemberRow, id: string): Promise<OffersTable> {
  const row = await offerOfStructure(db, member, id);
  if (!maySee(member, row)) throw privateOffer();
  return row;
}
