import { useSearchParams } from 'react-router';
import type { ApplicationStatus } from '../../../shared/domain/applications';
import type { Sort } from '../../ui/SortableTh';
import {
  readListState,
  toListQuery,
  withChanges,
  type ApplicationFilters,
  type ApplicationSortKey,
} from './listState';
import { DEFAULT_TAB, listParamNames as names } from './paths';

type TextFilter = Exclude<keyof ApplicationFilters, 'overdue'>;

/**
 * Tab, filters, order and page of "Candidatures", kept in the address: a deep link (from the
 * dashboard, a notification), a reload or "Retour" shows the same list.
 */
export function useApplicationsParams() {
  const [params, setParams] = useSearchParams();
  const state = readListState(params);
  const update = (changes: Record<string, string | null>) =>
    setParams((current) => withChanges(current, changes), { replace: true });

  return {
    ...state,
    /** The tab changes, its list starts at page 1 ("en attente" only means something "A traiter"). */
    setTab: (status: ApplicationStatus) =>
      update({
        [names.tab]: status === DEFAULT_TAB ? null : status,
        [names.page]: null,
        ...(status === 'a_traiter' ? {} : { [names.overdue]: null }),
      }),
    setFilter: (key: TextFilter, value: string | null) => update({ [names[key]]: value, [names.page]: null }),
    setOverdue: (on: boolean) => update({ [names.overdue]: on ? 'oui' : null, [names.page]: null }),
    clearFilters: () =>
      update({
        [names.offerId]: null,
        [names.employerId]: null,
        [names.receivedFrom]: null,
        [names.receivedTo]: null,
        [names.q]: null,
        [names.overdue]: null,
        [names.page]: null,
      }),
    setSort: (next: Sort<ApplicationSortKey>) =>
      update({ [names.sort]: next.key, [names.direction]: next.direction, [names.page]: null }),
    setPage: (next: number) => update({ [names.page]: next === 1 ? null : String(next) }),
    query: (offset?: number, limit?: number) => toListQuery(state, offset, limit),
  };
}

export type ApplicationsParams = ReturnType<typeof useApplicationsParams>;
