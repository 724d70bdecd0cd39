import { sql } from 'kysely';
import { changesPageSchema, type Change } from '../../../../shared/api/sync';
import { needsBootstrap } from '../bootstrap';
import { cursorKey } from '../cursor';
import { entityNamed } from '../entities';
import { applyServerDeletion, applyServerState, readView } from '../local-state';
import { bootstrap } from './bootstrap-call';
import { expire, type SyncContext } from './context';
import { announce } from './status';

// Pull: the structure's change feed, page by page from this desktop's cursor; each page is
// applied with its cursor in one transaction.

/** The platform's reasons for refusing a structure's data to a user who is not (or no longer) its member. */
const MEMBERSHIP_PROBLEMS = new Set(['no_structure', 'membership_pending']);

interface LocalMembership {
  structure_id: string | null;
  role: string | null;
}

function readMembership(ctx: SyncContext): Promise<LocalMembership | undefined> {
  return ctx.options.store.read((tx) =>
    tx.first<LocalMembership>(sql`select structure_id, role from account limit 1`),
  );
}

export async function verifyMembership(ctx: SyncContext): Promise<boolean> {
  return (await ctx.options.verifyMembership?.()) ?? false;
}

function readCursor(ctx: SyncContext, structureId: string): Promise<number> {
  return ctx.options.store.read((tx) =>
    Number(
      tx.first<{ value: string }>(sql`select value from meta where key = ${cursorKey(structureId)}`)?.value ??
        0,
    ),
  );
}

/** Where this desktop stands in its structure's feed; null while it has none to follow (no structure, pending). */
export async function feedCursor(ctx: SyncContext): Promise<number | null> {
  const membership = await readMembership(ctx);
  if (!membership?.structure_id || !membership.role) return null;
  return readCursor(ctx, membership.structure_id);
}

/** Applies the change feed page by page (after a bootstrap on a fresh database); false when it stopped early (offline...). */
export async function pull(ctx: SyncContext): Promise<boolean> {
  let membership = await readMembership(ctx);
  if (membership?.structure_id && !membership.role) {
    // A pending collaborator gets none of the structure's data, until they are approved.
    if (!(await verifyMembership(ctx))) return true;
    membership = await readMembership(ctx);
  }
  const structureId = membership?.role ? membership.structure_id : null;
  if (!structureId) return true;
  if (
    !ctx.options.legacyBootstrap &&
    (await ctx.options.store.read((tx) => needsBootstrap(tx, structureId)))
  ) {
    const bootstrapped = await bootstrap(ctx, structureId);
    if (!bootstrapped) return false;
  }
  const cursor = await readCursor(ctx, structureId);
  // The first pull of an account brings its whole history: nothing in it is news.
  const news = cursor > 0;
  let total: number | null = null;
  let done = 0;
  const fetchPage = (since: number, count: boolean) =>
    ctx.options.client.exchange({
      method: 'GET',
      path: '/sync/changes',
      params: { since, limit: ctx.pageSize, count: count ? 'true' : 'false' },
      auth: true,
    });
  let next = fetchPage(cursor, true);
  for (let first = true; ; first = false) {
    const answer = await next;
    if (answer.kind === 'session-expired') {
      expire(ctx);
      return false;
    }
    if (answer.kind === 'http' && MEMBERSHIP_PROBLEMS.has(answer.problem?.code ?? '')) {
      // Removed from the structure, or made pending again: the session follows.
      await verifyMembership(ctx);
      return false;
    }
    if (answer.kind !== 'ok') {
      ctx.lastError = answer.message;
      return false;
    }
    const page = changesPageSchema.safeParse(answer.data);
    if (!page.success) {
      ctx.lastError = 'Réponse inattendue de la plateforme à la synchronisation.';
      return false;
    }
    // The next page travels while this one is written (the platform and this desktop work side by side).
    if (page.data.hasMore) next = fetchPage(page.data.cursor, false);
    if (first && page.data.remaining !== null) total = page.data.remaining + page.data.changes.length;
    const touched = await applyPage(ctx, structureId, page.data.changes, page.data.cursor, news);
    done += page.data.changes.length;
    ctx.progress = { done, total };
    if (touched.length > 0) ctx.options.onChange(touched);
    await announce(ctx);
    if (!page.data.hasMore) return true;
  }
}

/**
 * One page and its cursor, in one transaction: a crash leaves all of it or none. Returns the
 * entities it touched; news (SyncEntity.isArrival) are counted in `ctx.arrivals`.
 */
export function applyPage(
  ctx: SyncContext,
  structureId: string,
  changes: Change[],
  cursor: number,
  news: boolean,
): Promise<string[]> {
  return ctx.options.store.write((tx) => {
    const pending = new Set(
      tx
        .all<{ key: string }>(sql`select distinct entity || ':' || entity_id as key from outbox`)
        .map((row) => row.key),
    );
    const touched = new Set<string>();
    changes.forEach((change, index) => {
      const entity = entityNamed(change.entity);
      if (entity) {
        touched.add(entity.name);
        if (change.deleted) {
          if (!entity.survivesTombstone?.(tx, change.entity, change.id))
            applyServerDeletion(tx, entity, change.id);
        } else {
          const data = entity.schema.safeParse(change.data);
          if (data.success) {
            const arrival = news ? entity.isArrival : undefined;
            const before = arrival ? readView(tx, entity, change.id) : undefined;
            applyServerState(tx, entity, data.data, pending.has(`${entity.name}:${change.id}`));
            if (arrival?.(before, data.data))
              ctx.arrivals.set(entity.name, (ctx.arrivals.get(entity.name) ?? 0) + 1);
          } else
            ctx.options.logger.error(
              `Changement illisible ignoré (${change.entity} ${change.id})`,
              data.error,
            );
        }
      }
      ctx.options.onPullRowApplied?.(index, changes.length);
    });
    tx.exec('insert or replace into meta (key, value) values (?, ?)', [
      cursorKey(structureId),
      String(cursor),
    ]);
    return [...touched];
  });
}
