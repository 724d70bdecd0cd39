import type { Migration } from 'kysely';
import { accountAndStructure } from './0001-account-and-structure';
import { syncOutboxAndShadows } from './0002-sync-outbox-and-shadows';
import { employersOffersReferentials } from './0003-employers-offers-referentials';
import { applicationsAndReplyTemplates } from './0004-applications-and-reply-templates';
import { profilesFavoritesAlertsSearch } from './0005-profiles-favorites-alerts-search';
import { searchFold } from './0006-search-fold';
import { dashboardTallies } from './0007-dashboard-tallies';
import { coveringListIndexes } from './0008-covering-list-indexes';
import { searchPrefixes } from './0009-search-prefixes';
import { offerTally } from './0010-offer-tally';
import { refusalReasons } from './0011-refusal-reasons';

/**
 * The local cache's schema history, in order. Append only: a released migration is never edited
 * nor renamed (its key is what `kysely_migration` records); a new one is a new file here.
 */
export const localMigrations: Record<string, Migration> = {
  '0001_account_and_structure': accountAndStructure,
  '0002_sync': syncOutboxAndShadows,
  '0003_employers_offers': employersOffersReferentials,
  '0004_applications': applicationsAndReplyTemplates,
  '0005_profiles_search': profilesFavoritesAlertsSearch,
  '0006_search_fold': searchFold,
  '0007_dashboard': dashboardTallies,
  '0008_covering_list_indexes': coveringListIndexes,
  '0009_search_prefixes': searchPrefixes,
  '0010_offer_tally': offerTally,
  '0011_refusal_reasons': refusalReasons,
};
