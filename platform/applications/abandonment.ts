import type { PlatformDb } from '../db/open';
import type { ApplicationsTable } from '../db/schema';
import { recordApplication } from '../sync/offer-bound-feed';
import { withoutKey } from '../sync/versioned-update';
import { withEvent } from './columns';

export const PROFILE_DELETED = 'Le candidat a supprimé ce profil.';
export const ACCOUNT_CLOSED = 'Le candidat a fermé son compte.';

/**
 * The candidate withdrew (deleted the profile or closed the account): each application made with
 * it becomes "Abandonnée" with `reason` (one history event), unless it already was, and all of
 * them lose what staff could see of the candidate (profile snapshot, name, message, OETH) and
 * their link to the profile and the candidate. Each gets a new version and its feed entry is
 * replaced, in the caller's transaction. Returns how many changed.
 */
export async function abandonApplications(
  trx: PlatformDb,
  of: { profileId: string } | { candidateId: string },
  reason: string,
  now: Date,
): Promise<number> {
  const rows = await trx
    .selectFrom('applications')
    .selectAll()
    .where((eb) =>
      'profileId' in of ? eb('profile_id', '=', of.profileId) : eb('candidate_id', '=', of.candidateId),
    )
    .orderBy('number')
    .execute();
  const at = now.toISOString();
  for (const row of rows) {
    const abandoned = row.status === 'abandonnee';
    const changed: ApplicationsTable = {
      ...row,
      status: 'abandonnee',
      abandon_reason: abandoned ? row.abandon_reason : reason,
      history: abandoned ? row.history : withEvent(row, { kind: 'abandonnee', at, by: null, detail: reason }),
      profile: null,
      applicant_name: null,
      message: null,
      oeth: 0,
      profile_id: null,
      candidate_id: null,
      version: row.version + 1,
      updated_at: at,
    };
    await trx.updateTable('applications').set(withoutKey(changed)).where('id', '=', row.id).execute();
    await recordApplication(trx, changed);
  }
  return rows.length;
}
