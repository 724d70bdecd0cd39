import { sql } from 'kysely';
import type { Offer } from '../../../shared/domain/offers';
import type { User } from '../../../shared/domain/account';
import type { ReadTx, WriteTx } from '../db/store';

// An offer shared with the structure is seen by all its members; an unshared one only by its
// author and the structure's référent (the platform sends it to them as `private_offer`).

/** Whether this user may see, and so edit, this offer. */
export function mayManageOffer(
  user: Pick<User, 'id' | 'role'>,
  offer: Pick<Offer, 'sharedWithStructure' | 'createdBy'>,
): boolean {
  return offer.sharedWithStructure || offer.createdBy === user.id || user.role === 'referent';
}

/**
 * Whether the signed-in user still sees this offer once it is unshared. The platform moves an
 * offer from one feed name to the other with a tombstone of the old name followed by the entry
 * under the new one: for such a user the tombstone is the first half of a move, not a deletion
 * (dropping the row would park its waiting changes as if it had been deleted).
 */
export function seesUnsharedOffer(tx: WriteTx, offerId: string): boolean {
  return (
    tx.first(
      sql`select 1 from offer, account where offer.id = ${offerId}
          and (offer.created_by = account.id or account.role = 'referent') limit 1`,
    ) !== undefined
  );
}

/**
 * The user stopped being référent: the unshared offers of others go, since the platform no
 * longer sends them their changes. Rows with changes that were never sent stay, so that nothing
 * the user did is dropped silently (the platform refuses them, and the user sees why). Answers
 * the ids of those that go.
 */
export function offersHiddenFrom(tx: WriteTx, userId: string): string[] {
  return tx
    .all<{ id: string }>(
      sql`select id from offer where shared_with_structure = 0 and created_by != ${userId}
          and not exists (select 1 from outbox where outbox.entity = 'offer' and outbox.entity_id = offer.id)`,
    )
    .map((row) => row.id);
}

/**
 * Whether the signed-in user may no longer see this offer (unshared, someone else's, and they
 * are not référent): such a row stays only while it carries their unsent changes.
 */
export function hiddenFromUser(tx: ReadTx, offerId: string): boolean {
  return (
    tx.first(
      sql`select 1 from offer, account where offer.id = ${offerId} and offer.shared_with_structure = 0
          and offer.created_by != account.id and coalesce(account.role, '') != 'referent' limit 1`,
    ) !== undefined
  );
}
