import type { Migration } from 'kysely';
import { migration0001Initial } from './0001-initial';
import { migration0002Sync } from './0002-sync';
import { migration0003Members } from './0003-members';
import { migration0004EmployersOffers } from './0004-employers-offers';
import { migration0005CandidatesApplications } from './0005-candidates-applications';
import { migration0006Profiles } from './0006-profiles';
import { migration0007RateLimits } from './0007-rate-limits';
import { migration0008SearchFold } from './0008-search-fold';
import { migration0009Postgres } from './0009-postgres';
import { migration0010RefusalReasons } from './0010-refusal-reasons';

/**
 * The platform's schema history, in order, one file each. Append only: a released migration is
 * never edited nor renamed (its key is what `kysely_migration` records).
 */
export const platformMigrations: Record<string, Migration> = {
  '0001_initial': migration0001Initial,
  '0002_sync': migration0002Sync,
  '0003_members': migration0003Members,
  '0004_employers_offers': migration0004EmployersOffers,
  '0005_candidates_applications': migration0005CandidatesApplications,
  '0006_profiles': migration0006Profiles,
  '0007_rate_limits': migration0007RateLimits,
  '0008_search_fold': migration0008SearchFold,
  '0009_postgres': migration0009Postgres,
  '0010_refusal_reasons': migration0010RefusalReasons,
};
