import { randomUUID } from 'node:crypto';
import { applicantName } from '../../shared/domain/applications';
import { CONTACT_OFFER_NOT_OPEN, type ContactFields } from '../../shared/domain/profiles';
import { memberName } from '../applications/columns';
import type { PlatformDb } from '../db/open';
import type { ContactsTable } from '../db/schema';
import type { MemberRow } from '../http/membership';
import { fieldProblem } from '../http/problem';
import { visibleTo } from '../offers/visibility';
import { profileGone } from '../profiles/staff-view';
import { idTaken } from '../sync/client-ids';
import { recordContact } from '../sync/offer-bound-feed';

export const OFFER_UNKNOWN = 'Offre inconnue.';

/**
 * "Contacter ce profil", in the caller's transaction: the profile must still exist (404), the
 * offer be one of the structure's that the member sees (422 on `offerId` otherwise) and be "En
 * cours" (422 CONTACT_OFFER_NOT_OPEN). The contact enters the structure's feed like the offer's
 * applications, and the candidate is notified: the message, the offer, the structure's name,
 * never its contact details nor the member's.
 */
export async function contactProfile(
  trx: PlatformDb,
  member: MemberRow,
  profileId: string,
  contact: ContactFields & { id: string },
  now: Date,
): Promise<ContactsTable> {
  const profile = await trx
    .selectFrom('candidate_profiles')
    .innerJoin('candidates', 'candidates.id', 'candidate_profiles.candidate_id')
    .select(['candidate_profiles.candidate_id', 'candidates.first_name', 'candidates.last_name'])
    .where('candidate_profiles.id', '=', profileId)
    .executeTakeFirst();
  if (!profile) throw profileGone();
  const offer = await trx
    .selectFrom('offers')
    .selectAll()
    .where('id', '=', contact.offerId)
    .where('structure_id', '=', member.structure_id)
    .where(visibleTo(member))
    .executeTakeFirst();
  if (!offer) throw fieldProblem(422, 'offer_unknown', 'offerId', OFFER_UNKNOWN);
  if (offer.status !== 'en_cours')
    throw fieldProblem(422, 'offer_not_open', 'offerId', CONTACT_OFFER_NOT_OPEN);
  if (await trx.selectFrom('contacts').select('id').where('id', '=', contact.id).executeTakeFirst()) {
    throw idTaken('Un contact');
  }
  const at = now.toISOString();
  const row: ContactsTable = {
    id: contact.id,
    structure_id: member.structure_id,
    profile_id: profileId,
    profile_name: `${profile.first_name} ${profile.last_name}`,
    offer_id: offer.id,
    offer_number: offer.number,
    offer_title: offer.title,
    message: contact.message,
    sent_by: memberName(member),
    sent_at: at,
    version: 1,
    updated_at: at,
  };
  await trx.insertInto('contacts').values(row).execute();
  await recordContact(trx, row);
  const structure = await trx
    .selectFrom('structures')
    .select(['legal_name', 'trade_name'])
    .where('id', '=', member.structure_id)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('candidate_notifications')
    .values({
      id: randomUUID(),
      candidate_id: profile.candidate_id,
      kind: 'contact',
      application_id: null,
      application_number: null,
      profile_id: profileId,
      offer_number: offer.number,
      offer_title: offer.title,
      structure_name: structure.trade_name ?? structure.legal_name,
      message: contact.message,
      refusal_reason: null,
      created_at: at,
    })
    .execute();
  return row;
}

/**
 * Profiles about to be deleted: the structures keep the messages they sent, not the candidate's
 * name (the contact's new version says so in their feed).
 */
export async function anonymiseContactsOf(
  trx: PlatformDb,
  profileIds: readonly string[],
  now: Date,
): Promise<void> {
  if (profileIds.length === 0) return;
  const removed = applicantName({ profile: null });
  const rows = await trx
    .updateTable('contacts')
    .set((eb) => ({ profile_name: removed, version: eb('version', '+', 1), updated_at: now.toISOString() }))
    .where('profile_id', 'in', profileIds)
    .where('profile_name', '!=', removed)
    .returningAll()
    .execute();
  for (const row of rows) await recordContact(trx, row);
}
