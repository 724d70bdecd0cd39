import { randomUUID } from 'node:crypto';
import { dropAppliedAlert } from '../alerts/compute';
import { applicationToColumns } from '../../shared/db/application-rows';
import { receivedState } from '../../shared/domain/applications';
import type { PlatformDb } from '../db/open';
import type { ApplicationsTable } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { ProblemError } from '../http/problem';
import { recordApplication } from '../sync/offer-bound-feed';
import { idTaken } from '../sync/client-ids';
import { recordOffer } from '../sync/offer-feed';
import { applicantProfileOf } from './applicant';
import { nextApplicationNumber } from './numbers';

export interface NewApplication {
  candidateId: string;
  profileId: string;
  offerId: string;
  message: string;
  /** When it is received (the seed passes past dates). */
  now: Date;
  /** Made by the platform when absent. */
  id?: string;
}

const unknownProfile = () =>
  new ProblemError(404, 'profile_unknown', 'Aucun de vos profils ne correspond à cet identifiant.', [
    { field: 'profileId', detail: 'Aucun de vos profils ne correspond à cet identifiant.' },
  ]);

const unknownOffer = () =>
  new ProblemError(404, 'offer_unknown', 'Aucune offre ne correspond à cet identifiant.', [
    { field: 'offerId', detail: 'Aucune offre ne correspond à cet identifiant.' },
  ]);

const alreadyApplied = (number?: number) => {
  const detail = `Vous avez déjà postulé à cette offre avec ce profil${number === undefined ? '' : ` (candidature n° ${number})`}.`;
  return new ProblemError(409, 'already_applied', detail, [{ field: 'offerId', detail }]);
};

const closedOffer = (status: 'pourvue' | 'archivee') => {
  const detail =
    status === 'pourvue'
      ? 'Cette offre est pourvue : elle ne reçoit plus de candidatures.'
      : 'Cette offre est archivée : elle ne reçoit plus de candidatures.';
  return new ProblemError(422, 'offer_closed', detail, [{ field: 'offerId', detail }]);
};

/**
 * A candidate applies to an offer with one of their profiles, in the caller's transaction: the
 * profile must be theirs (404), the offer exist (404), not already have an application of this
 * profile (409 `already_applied`) and be "En cours" (422 `offer_closed` on `offerId`). The
 * application is numbered, keeps a snapshot of the profile as staff see it, and enters the
 * structure's feed with its offer, whose `applicationsCount` goes up (new version); the profile's
 * alert for the offer, if any, goes (the offer takes the next best profile).
 * Offers past their end date must have been archived before (archiveExpiredOffers).
 */
export async function applyToOffer(trx: PlatformDb, input: NewApplication): Promise<ApplicationsTable> {
  const candidate = await trx
    .selectFrom('candidates')
    .select(['id', 'first_name', 'last_name', 'birth_date'])
    .where('id', '=', input.candidateId)
    .executeTakeFirst();
  const profile = await trx
    .selectFrom('candidate_profiles')
    .selectAll()
    .where('id', '=', input.profileId)
    .where('candidate_id', '=', input.candidateId)
    .executeTakeFirst();
  if (!candidate || !profile) throw unknownProfile();
  const offer = await trx.selectFrom('offers').selectAll().where('id', '=', input.offerId).executeTakeFirst();
  if (!offer) throw unknownOffer();
  const previous = await trx
    .selectFrom('applications')
    .select('number')
    .where('profile_id', '=', profile.id)
    .where('offer_id', '=', offer.id)
    .executeTakeFirst();
  if (previous) throw alreadyApplied(previous.number);
  if (offer.status !== 'en_cours') throw closedOffer(offer.status);

  const id = input.id ?? randomUUID();
  if (await trx.selectFrom('applications').select('id').where('id', '=', id).executeTakeFirst()) {
    throw idTaken('Une candidature');
  }
  const at = input.now.toISOString();
  const row: ApplicationsTable = {
    ...applicationToColumns({
      id,
      number: await nextApplicationNumber(trx),
      offerId: offer.id,
      offerNumber: offer.number,
      offerTitle: offer.title,
      employerId: offer.employer_id,
      employerName: offer.employer_name,
      profile: applicantProfileOf(candidate, profile, input.now),
      message: input.message,
      ...receivedState(at),
      updatedAt: at,
    }),
    structure_id: offer.structure_id,
    candidate_id: candidate.id,
    profile_id: profile.id,
  };
  try {
    await trx.insertInto('applications').values(row).execute();
  } catch (error) {
    // Two applications of the same profile to the same offer at once (another process on the
    // same database): the unique index decides.
    if (isUniqueViolation(error)) throw alreadyApplied();
    throw error;
  }
  const counted = await trx
    .updateTable('offers')
    .set((eb) => ({
      applications_count: eb('applications_count', '+', 1),
      version: eb('version', '+', 1),
      updated_at: at,
    }))
    .where('id', '=', offer.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordOffer(trx, counted);
  await recordApplication(trx, row);
  await dropAppliedAlert(trx, counted, profile.id, input.now);
  return row;
}
