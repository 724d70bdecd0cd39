import type { FastifyRequest } from 'fastify';
import type { PlatformContext } from '../context';
import type { PlatformDb } from '../db/open';
import { requireMember, type MemberRow } from '../http/membership';
import { archiveExpiredOffers } from '../offers/archiving';

/** Who reads the change feed, and of which structure. */
export interface FeedReader {
  user: MemberRow;
  structureId: string;
}

/**
 * The reader of `GET /sync/changes` and `GET /sync/snapshot`: a member of a structure (a pending
 * collaborator gets 403 until their référent approves them, no structure is 404). Offers past
 * their end date are archived first, so that nobody reads a state that is already over.
 */
export async function feedReader(ctx: PlatformContext, request: FastifyRequest): Promise<FeedReader> {
  const reader = await requireMember(ctx, request);
  await archiveExpiredOffers(ctx.db, ctx.clock());
  return reader;
}

/**
 * The feed rows this reader may see, the one visibility rule of every sync route. Private
 * entries: a member's own (account, unshared offers and their applications), and for the
 * référent of the moment the entries meant for them (others' unshared offers and their
 * applications, contacts and alerts, see ./offer-feed.ts and ./offer-bound-feed.ts).
 */
export function visibleFeed(db: PlatformDb, { user, structureId }: FeedReader) {
  return db
    .selectFrom('sync_log')
    .where('structure_id', '=', structureId)
    .where((eb) =>
      eb.or([
        eb('owner_user_id', 'is', null),
        eb('owner_user_id', '=', user.id),
        ...(user.role === 'referent' ? [eb('referent_too', '=', 1)] : []),
      ]),
    );
}
