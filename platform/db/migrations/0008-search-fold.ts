import { type Kysely, type Migration } from 'kysely';
import { refoldSearchText } from '../refold-search-text';

/** 0008_search_fold: Search text made again with the shared fold (shared/text/fold.ts). Released: never edited. */
export const migration0008SearchFold: Migration = {
  async up(db: Kysely<any>) {
    // The searches now fold with shared/text/fold.ts: keys made before ("s ren" for "Søren")
    // are made again from their columns.
    await refoldSearchText(db);
  },
};
