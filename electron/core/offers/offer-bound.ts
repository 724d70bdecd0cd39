import { sql } from 'kysely';
import type { ReadTx, WriteTx } from '../db/store';

// What is bound to an offer (its applications, the contacts and the alerts made for it) follows
// the offer: to a shared offer, every member sees it; to an unshared one, only the offer's
// author and the structure's référent (the platform sends it to them as `private_<entity>`,
// and moves it with its offer when the offer's sharing changes).

/** The tables of rows bound to an offer (column `offer_id`); each is also its entity's name. */
export type OfferBoundTable = 'application' | 'contact' | 'alert';

/**
 * Whether the signed-in user still sees this row once its offer is unshared: the tombstone of
 * `<entity>` is then the first half of a move to `private_<entity>`.
 */
export function seesUnsharedOfferBound(tx: WriteTx, table: OfferBoundTable, id: string): boolean {
  return (
    tx.first(
      sql`select 1 from ${sql.table(table)} as r, account
          left join offer as o on o.id = r.offer_id
          where r.id = ${id} and (account.role = 'referent' or o.created_by = account.id) limit 1`,
    ) !== undefined
  );
}

/**
 * The user stopped being référent: the rows bound to the unshared offers of others go (before
 * those offers do), except those carrying changes never sent. Answers their ids.
 */
export function offerBoundHiddenFrom(tx: WriteTx, table: OfferBoundTable, userId: string): string[] {
  return tx
    .all<{ id: string }>(
      sql`select id from ${sql.table(table)} as r where offer_id in (
            select id from offer where shared_with_structure = 0 and created_by != ${userId})
          and not exists (select 1 from outbox where outbox.entity = ${table} and outbox.entity_id = r.id)`,
    )
    .map((row) => row.id);
}

/**
 * Whether the signed-in user may no longer see this row (kept only for their unsent changes):
 * not référent, and its offer is not one they see (the offer itself may already be gone from
 * this desktop).
 */
export function offerBoundHiddenFromUser(tx: WriteTx, table: OfferBoundTable, id: string): boolean {
  return (
    tx.first(
      sql`select 1 from ${sql.table(table)} as r, account where r.id = ${id}
          and coalesce(account.role, '') != 'referent'
          and not exists (select 1 from offer as o where o.id = r.offer_id
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
export function knownHiddenFromUser(tx: ReadTx, applicationId: string): boolean {
  return (
    tx.first(
      sql`select 1 from application as a, account, offer as o where a.id = ${applicationId}
          and o.id = a.offer_id and o.shared_with_structure = 0 and o.created_by != account.id
          and coalesce(account.role, '') != 'referent' limit 1`,
    ) !== undefined
  );
}
