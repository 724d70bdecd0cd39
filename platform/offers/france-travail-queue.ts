import type { PlatformDb } from '../db/open';
import type { OffersTable } from '../db/schema';

/** France Travail shows an offer while it is "En cours" and its box is ticked. */
function diffused(row: Pick<OffersTable, 'france_travail' | 'status'>): boolean {
  return row.france_travail === 1 && row.status === 'en_cours';
}

/**
 * Logs what France Travail must be told after a write of an offer, in the write's transaction:
 * its (new) content while it is diffused, its withdrawal when it stops being. The transmission
 * itself is out of scope of the reference platform; the log is what it would read.
 */
export async function queueForFranceTravail(
  trx: PlatformDb,
  before: OffersTable | undefined,
  after: OffersTable,
): Promise<void> {
  const action = diffused(after) ? 'diffuser' : before && diffused(before) ? 'retirer' : undefined;
  if (!action) return;
  await trx
    .insertInto('france_travail_queue')
    .values({
      offer_id: after.id,
      offer_version: after.version,
      action,
      queued_at: after.updated_at,
      sent_at: null,
    })
    .execute();
}
