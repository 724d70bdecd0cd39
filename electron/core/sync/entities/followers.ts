import type { SearchKind } from '../../../../shared/domain/global-search';
import type { Profile } from '../../../../shared/domain/profiles';
import type { WriteTx } from '../../db/store';
import {
  offerBoundHiddenFromUser,
  seesUnsharedOfferBound,
  type OfferBoundTable,
} from '../../offers/offer-bound';
import { cacheProfile } from '../../profiles/cache';
import { indexDocument, unindexDocument, type SearchDocument } from '../../search/search-index';
import type { EntityData, RowFollower, WrittenRow } from './types';

// What several entities share: the search index, the profiles cache, an offer's sharing.

/**
 * Rows bound to an offer follow its sharing (see offers/offer-bound.ts): moved with it between
 * `<table>` and `private_<table>`, kept only for unsent changes once the user no longer sees it.
 */
export function boundToOffer(table: OfferBoundTable) {
  return {
    survivesTombstone: (tx: WriteTx, feedName: string, id: string) =>
      feedName === `private_${table}` || seesUnsharedOfferBound(tx, table, id),
    hiddenFromUser: (tx: WriteTx, id: string) => offerBoundHiddenFromUser(tx, table, id),
  };
}

/** Keeps a kind's documents in the search index as its rows are written and deleted. */
export function searchable<T extends EntityData>(
  kind: SearchKind,
  document: (data: T) => SearchDocument,
): Required<Pick<RowFollower<T>, 'written' | 'deleting'>> {
  return {
    written: (tx, data, row) => indexDocument(tx, kind, row.rowid, document(data), row.created),
    deleting: (tx, rowid) => unindexDocument(tx, kind, rowid),
  };
}

/**
 * Favourites and alerts carry their profile as the platform describes it: kept in the profiles
 * cache when one comes in a new version (new here included), not at a local change (a
 * dismissal) nor when the same version comes again. Their tombstones leave the profile alone: a
 * colleague removing a favourite, an alert moving with its offer's sharing say nothing of the
 * profile. It goes only when its candidate deleted it (an application anonymised, the
 * platform's 404 in "Détails"); the favourites and alerts of it are synced rows and stay until
 * the platform removes them, and only a newer version of one brings the profile back.
 */
export function cacheCarriedProfile(tx: WriteTx, profile: Profile, row: WrittenRow): void {
  if (row.newVersion) cacheProfile(tx, profile);
}
