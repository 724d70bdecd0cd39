import { abandonApplications, ACCOUNT_CLOSED, PROFILE_DELETED } from '../applications/abandonment';
import { removeProfilesAlerts } from '../alerts/compute';
import { anonymiseContactsOf } from '../contacts/new-contact';
import type { PlatformDb } from '../db/open';
import { removeFavoritesOf } from '../favorites/favorites';
import { ProblemError } from '../http/problem';

/**
 * What structures keep of profiles about to be deleted, in the caller's transaction: their
 * favourites and alerts go (tombstones; the offers that lose an alert take the next best
 * profile), the contacts keep staff's message but no longer the candidate's name.
 */
async function forgetProfiles(trx: PlatformDb, profileIds: readonly string[], now: Date): Promise<void> {
  await removeFavoritesOf(trx, profileIds);
  await removeProfilesAlerts(trx, profileIds, now);
  await anonymiseContactsOf(trx, profileIds, now);
}

/**
 * Deletes one of the candidate's profiles, in the caller's transaction: its applications become
 * "Abandonnée" and anonymous first (see abandonApplications), structures forget it (see
 * forgetProfiles). 404 when it is not theirs.
 */
export async function deleteProfile(
  trx: PlatformDb,
  candidateId: string,
  profileId: string,
  now: Date,
): Promise<void> {
  const profile = await trx
    .selectFrom('candidate_profiles')
    .select('id')
    .where('id', '=', profileId)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst();
  if (!profile) {
    throw new ProblemError(404, 'profile_unknown', 'Aucun de vos profils ne correspond à cet identifiant.');
  }
  await abandonApplications(trx, { profileId }, PROFILE_DELETED, now);
  await forgetProfiles(trx, [profileId], now);
  await trx.deleteFrom('candidate_profiles').where('id', '=', profileId).execute();
}

/**
 * Closes a candidate's account, in the caller's transaction: their applications become
 * "Abandonnée" and anonymous, structures forget their profiles, then their notifications,
 * profiles and account go (their idempotency keys with it).
 */
export async function closeCandidateAccount(trx: PlatformDb, candidateId: string, now: Date): Promise<void> {
  await abandonApplications(trx, { candidateId }, ACCOUNT_CLOSED, now);
  const profiles = await trx
    .selectFrom('candidate_profiles')
    .select('id')
    .where('candidate_id', '=', candidateId)
    .execute();
  await forgetProfiles(
    trx,
    profiles.map((profile) => profile.id),
    now,
  );
  await trx.deleteFrom('candidate_notifications').where('candidate_id', '=', candidateId).execute();
  await trx.deleteFrom('candidate_profiles').where('candidate_id', '=', candidateId).execute();
  await trx.deleteFrom('candidates').where('id', '=', candidateId).execute();
}
