import { applicationFromColumns, applicationToColumns } from '../../../../shared/db/application-rows';
import {
  applicantName,
  applicationPatchSchema,
  applicationSchema,
  type Application,
} from '../../../../shared/domain/applications';
import { applicationRequest } from '../../applications/requests';
import {
  dashboardColumns,
  moveDashboardTallies,
  TALLIED_COLUMNS,
  untallyApplication,
  type Tallied,
} from '../../dashboard/tallies';
import type { ApplicationSortKeys } from '../../db/schema';
import { searchKey } from '../../db/search-key';
import { cacheApplicantProfile, forgetProfile } from '../../profiles/cache';
import { applicationDocument } from '../../search/documents';
import { boundToOffer, searchable } from './followers';
import { defineEntity } from './types';

const searchableApplication = searchable('application', applicationDocument);

function applicationSortKeys(application: Application): ApplicationSortKeys {
  return {
    applicant_key: application.profile ? searchKey(applicantName(application)) : '',
    offer_key: searchKey(application.offerTitle),
    profile_id: application.profile?.id ?? null,
  };
}

export const applicationEntity = defineEntity({
  name: 'application',
  label: 'Candidature',
  table: 'application',
  schema: applicationSchema,
  toColumns: (data) => ({
    ...applicationToColumns(data),
    // One format (UTC, milliseconds), so that dates compare as text in ranges and sorts.
    received_at: new Date(data.receivedAt).toISOString(),
    ...applicationSortKeys(data),
    ...dashboardColumns(data),
  }),
  fromColumns: (row) => applicationFromColumns(row as never),
  patchSchema: applicationPatchSchema,
  updateRequest: applicationRequest,
  firstWriteWins: ['readAt'],
  ...boundToOffer('application'),
  isArrival: (before, after) => before === undefined && after.status === 'a_traiter',
  tallyColumn: 'status',
  follow: {
    reads: ['profile_id', ...TALLIED_COLUMNS],
    written: (tx, data, row) => {
      searchableApplication.written(tx, data, row);
      const after = {
        offer_id: data.offerId,
        status: data.status,
        received_at: new Date(data.receivedAt).toISOString(),
      };
      moveDashboardTallies(tx, row.previous as Tallied | undefined, {
        ...after,
        ...dashboardColumns(data),
      });
      const had = row.previous?.profile_id as string | null | undefined;
      // The profile it was made with, kept when the row brings one it did not have (not at
      // each new version of it). Anonymised (the candidate deleted the profile): the profile
      // it had leaves the profiles cache. Decided here, once the write happened: an older
      // version refused by the version guard changes nothing.
      if (data.profile) {
        if (data.profile.id !== had) cacheApplicantProfile(tx, data.profile, data.receivedAt);
      } else if (had) forgetProfile(tx, had);
    },
    deleting: (tx, rowid) => {
      searchableApplication.deleting(tx, rowid);
      untallyApplication(tx, rowid);
    },
  },
});
