import type { SnapshotQuery } from '../../shared/api/sync';
import type { PlatformDb } from '../db/open';
import { ProblemError } from '../http/problem';
import { visibleFeed, type FeedReader } from './visible-feed';

/** Rows read and written per step: one keyset page, never the whole feed in memory. */
export const SNAPSHOT_PAGE_ROWS = 2_000;

/** What one snapshot stream carries: the live rows with `after < seq <= cursor`. */
export interface SnapshotPlan {
  cursor: number;
  after: number;
  /** Rows of that range when the stream starts (a row changed meanwhile leaves it: never more). */
  total: number;
}

/**
 * The cursor and size of a snapshot. Without `upTo`, the reader's newest visible position. With
 * it (a bootstrap resuming), at most the structure's last position: a cursor past it would
 * cover positions not yet given, and a row written there later would fall in no stream.
 */
export async function planSnapshot(
  db: PlatformDb,
  reader: FeedReader,
  { upTo, after }: SnapshotQuery,
): Promise<SnapshotPlan> {
  let cursor: number;
  if (upTo === undefined) {
    const newest = await visibleFeed(db, reader)
      .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
      .executeTakeFirst();
    cursor = Number(newest?.seq ?? 0);
  } else {
    const last = await db
      .selectFrom('structure_sequences')
      .select('last_seq')
      .where('structure_id', '=', reader.structureId)
      .executeTakeFirst();
    cursor = Math.min(upTo, last?.last_seq ?? 0);
  }
  const counted = await liveRows(db, reader, after, cursor)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { cursor, after, total: Number(counted.n) };
}

function liveRows(db: PlatformDb, reader: FeedReader, after: number, cursor: number) {
  return visibleFeed(db, reader).where('deleted', '=', 0).where('seq', '>', after).where('seq', '<=', cursor);
}

/**
 * The NDJSON text of a snapshot, one chunk per page: the header, the rows in seq order, the end
 * line (a stream without it was cut: the client resumes with `after` = its last stored seq).
 *
 * Consistent as of `cursor` without holding a transaction open for the whole stream: the feed
 * is compacted (one row per entity, at the position of its latest change), so a row changed
 * while the stream runs or after it leaves `(after, cursor]` for a position past `cursor` and
 * comes with the incremental feed `since=cursor`. A row already sent and changed later comes
 * again there, newer; a row not yet sent and changed is not sent here at all. Snapshot plus feed
 * since `cursor` is therefore the state of the moment, each entity once, at its latest version.
 * (Positions are taken by one writer at a time, so no row commits later at a position the
 * snapshot already passed.)
 *
 * Each page checks the reader again: someone removed from the structure, or no longer its
 * référent, while a long stream runs stops receiving at once (the stream is cut).
 */
export async function* snapshotLines(
  db: PlatformDb,
  reader: FeedReader,
  plan: SnapshotPlan,
  pageRows = SNAPSHOT_PAGE_ROWS,
): AsyncGenerator<string> {
  yield `{"kind":"header","cursor":${plan.cursor},"total":${plan.total}}\n`;
  let last = plan.after;
  let rows = 0;
  for (;;) {
    await assertStillReader(db, reader);
    const page = await liveRows(db, reader, last, plan.cursor)
      .select(['seq', 'entity', 'entity_id', 'version', 'data'])
      .orderBy('seq')
      .limit(pageRows)
      .execute();
    if (page.length === 0) break;
    // The entities are stored as JSON: lines are assembled as text, not parsed and re-serialised.
    let text = '';
    for (const r of page) {
      text += `{"kind":"row","seq":${r.seq},"entity":${JSON.stringify(r.entity)},"id":${JSON.stringify(r.entity_id)},"version":${r.version},"data":${r.data ?? 'null'}}\n`;
    }
    rows += page.length;
    last = page.at(-1)!.seq;
    yield text;
    if (page.length < pageRows) break;
  }
  yield `{"kind":"end","cursor":${plan.cursor},"rows":${rows}}\n`;
}

async function assertStillReader(db: PlatformDb, { user, structureId }: FeedReader): Promise<void> {
  const now = await db
    .selectFrom('users')
    .select(['structure_id', 'role'])
    .where('id', '=', user.id)
    .executeTakeFirst();
  if (now?.structure_id !== structureId || now.role !== user.role) {
    throw new ProblemError(403, 'membership_changed', 'Votre rattachement à la structure a changé.');
  }
}
