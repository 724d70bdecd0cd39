import { offerFromColumns, offerToColumns } from '../../../../shared/db/rows';
import {
  offerFieldsSchema,
  offerPatchSchema,
  offerSchema,
  type Offer,
} from '../../../../shared/domain/offers';
import type { OfferSortKeys } from '../../db/schema';
import { searchKey } from '../../db/search-key';
import { hiddenFromUser, seesUnsharedOffer } from '../../offers/visibility';
import { offerDocument } from '../../search/documents';
import { searchable } from './followers';
import { defineEntity } from './types';

/** The feed's name for unshared offers: the same data, sent only to their author and the référent. */
export const PRIVATE_OFFER = 'private_offer';

function offerSortKeys(offer: Offer): OfferSortKeys {
  return {
    title_key: searchKey(offer.title),
    employer_key: searchKey(offer.employerName),
    number_key: offer.number ?? Number.MAX_SAFE_INTEGER,
  };
}

export const offerEntity = defineEntity({
  name: 'offer',
  label: 'Offre',
  table: 'offer',
  schema: offerSchema,
  toColumns: (data) => ({ ...offerToColumns(data), ...offerSortKeys(data) }),
  fromColumns: (row) => offerFromColumns(row as never),
  patchSchema: offerPatchSchema,
  createSchema: offerFieldsSchema,
  createPath: () => '/offers',
  updatePath: (id) => `/offers/${id}`,
  // Unshared → shared: everyone sees it. Shared → unshared: its author and the référent do.
  survivesTombstone: (tx, feedName, id) => feedName === PRIVATE_OFFER || seesUnsharedOffer(tx, id),
  hiddenFromUser,
  follow: searchable('offer', offerDocument),
});
