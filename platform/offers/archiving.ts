import { recomputeOfferAlerts } from '../alerts/compute';
import type { PlatformDb } from '../db/open';
import { recordOffer } from '../sync/offer-feed';
import { queueForFranceTravail } from './france-travail-queue';

/** How often the platform looks for offers past their end date, besides the reads that need it. */
export const ARCHIVING_INTERVAL_MS = 60 * 60_000;

/**
 * Archives the offers "En cours" whose end date (archiveAt) has passed: each becomes "Archivée"
 * with a new version, recorded in its structure's feed, loses its alerts, and is withdrawn from
 * France Travail. Runs at start, every hour, and before the reads that list offers, so that
 * nobody is shown an offer past its date between two runs. Returns how many it archived.
 */
export async function archiveExpiredOffers(db: PlatformDb, now: Date): Promise<number> {
  const at = now.toISOString();
  // Most calls find nothing: a read first, so that they do not take the write lock.
  const due = await db
    .selectFrom('offers')
    .select('id')
    .where('status', '=', 'en_cours')
    .where('archive_at', '<=', at)
    .limit(1)
    .executeTakeFirst();
  if (!due) return 0;
  return db.transaction().execute(async (trx) => {
    const expired = await trx
      .selectFrom('offers')
      .selectAll()
      .where('status', '=', 'en_cours')
      .where('archive_at', '<=', at)
      .orderBy('number')
      .execute();
    for (const before of expired) {
      const after = await trx
        .updateTable('offers')
        .set((eb) => ({ status: 'archivee', version: eb('version', '+', 1), updated_at: at }))
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordOffer(trx, after);
      await recomputeOfferAlerts(trx, after, now);
      await queueForFranceTravail(trx, before, after);
    }
    return expired.length;
  });
}

/**
 * The hourly run: an unref'd timer (it never keeps the process alive). `stop` clears it and
 * waits for a run in progress, so that the database can close after it.
 */
export function scheduleArchiving(
  db: PlatformDb,
  clock: () => Date,
  onError: (error: unknown) => void,
  intervalMs = ARCHIVING_INTERVAL_MS,
): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = archiveExpiredOffers(db, clock()).catch(onError);
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
