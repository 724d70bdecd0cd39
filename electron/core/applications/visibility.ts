import { sql } from 'kysely';
import type { WriteTx } from '../db/store';

// An application follows its offer: to a shared offer, every member sees it; to an unshared one,
// only the offer's author and the structure's référent (the platform sends it to them as
// `private_application`, and moves it with its offer when the offer's sharing changes).

/**
 * Whether the signed-in user still sees this application once its offer is unshared: the
 * tombstone of `application` is then the first half of a move to `private_application`.
 */
export function seesUnsharedApplication(tx: WriteTx, applicationId: string): boolean {
  return (
    tx.first(
      sql`select 1 from application as a, account
          left join offer as o on o.id = a.offer_id
          where a.id = ${applicationId} and (account.role = 'referent' or o.created_by = account.id) limit 1`,
    ) !== undefined
  );
}

/**
 * The user stopped being référent: the applications to the unshared offers of others go (before
 * those offers do), except those carrying changes never sent. The caller recounts the tally.
 */
export function forgetApplicationsHiddenFrom(tx: WriteTx, userId: string): void {
  tx.run(
    sql`delete from application where offer_id in (
          select id from offer where shared_with_structure = 0 and created_by != ${userId})
        and not exists (
          select 1 from outbox where outbox.entity = 'application' and outbox.entity_id = application.id)`,
  );
}

/**
 * Whether the signed-in user may no longer see this application (kept only for their unsent
 * changes): not référent, and its offer is not one they see (the offer itself may already be
 * gone from this desktop).
 */
export function applicationHiddenFromUser(tx: WriteTx, applicationId: string): boolean {
  return (
    tx.first(
      sql`select 1 from application as a, account where a.id = ${applicationId}
          and coalesce(account.role, '') != 'referent'
          and not exists (select 1 from offer as o where o.id = a.offer_id
                          and (o.shared_with_structure = 1 or o.created_by = account.id))
          limit 1`,
    ) !== undefined
  );
}

/**
 * Whether this desktop knows the user may not act on this application: not référent, and its
 * offer, here, is unshared and someone else's (what the platform would refuse). An offer not
 * here yet (a first pull still running) refuses nothing: the platform decides.
 */
export function knownHiddenFromUser(tx: WriteTx, applicationId: string): boolean {
  return (
    tx.first(
      sql`select 1 from application as a, account, offer as o where a.id = ${applicationId}
          and o.id = a.offer_id and o.shared_with_structure = 0 and o.created_by != account.id
          and coalesce(account.role, '') != 'referent' limit 1`,
    ) !== undefined
  );
}
