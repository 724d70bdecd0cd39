import type { PlatformDb } from '../db/open';
import type { ApplicationsTable } from '../db/schema';
import { recordApplication } from '../sync/offer-bound-feed';
import { withoutKey } from '../sync/versioned-update';
import { memberName, withEvent } from './columns';

/**
 * The first opening of "Détails" by a member, in the caller's transaction: when (`readAt`, as the
 * desktop saw it, possibly offline; never later than now nor before the application arrived) and
 * by whom, one history event, a new version and the feed entry. An application already read is
 * returned unchanged.
 */
export async function markApplicationRead(
  trx: PlatformDb,
  current: ApplicationsTable,
  readAt: Date,
  member: { first_name: string; last_name: string },
  now: Date,
): Promise<ApplicationsTable> {
  if (current.read_at !== null) return current;
  const received = new Date(current.received_at).getTime();
  const at = new Date(Math.max(received, Math.min(readAt.getTime(), now.getTime()))).toISOString();
  const by = memberName(member);
  const changed: ApplicationsTable = {
    ...current,
    read_at: at,
    read_by: by,
    history: withEvent(current, { kind: 'lue', at, by, detail: null }),
    version: current.version + 1,
    updated_at: now.toISOString(),
  };
  await trx.updateTable('applications').set(withoutKey(changed)).where('id', '=', current.id).execute();
  await recordApplication(trx, changed);
  return changed;
}
