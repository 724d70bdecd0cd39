import { applicationStatusSchema, type ApplicationStatus } from '../../../shared/domain/applications';
import { applicationsListQuerySchema, type ApplicationsListQuery } from '../../../shared/ipc/contract';
import { z } from '../../../shared/zod';
import type { Sort } from '../../ui/SortableTh';
import { DEFAULT_TAB, listParamNames as names } from './paths';

export const PAGE_SIZE = 50;

export type ApplicationSortKey = NonNullable<ApplicationsListQuery['sort']>;

export interface ApplicationFilters {
  offerId: string | null;
  employerId: string | null;
  /** Calendar days, aaaa-mm-jj. */
  receivedFrom: string | null;
  receivedTo: string | null;
  q: string | null;
  /** Only those "A traiter" for more than REPLY_REMINDER_DAYS days. */
  overdue: boolean;
}

export interface ApplicationsListState {
  tab: ApplicationStatus;
  filters: ApplicationFilters;
  sort: Sort<ApplicationSortKey>;
  page: number;
}

const day = z.iso.date().nullable().catch(null);
const defaults = applicationsListQuerySchema.parse({});

/** Reads the list's state from the address; a mistyped value falls back to its default, never an error. */
export function readListState(params: URLSearchParams): ApplicationsListState {
  const read = (name: string) => params.get(name)?.trim() || null;
  return {
    tab: applicationStatusSchema.catch(DEFAULT_TAB).parse(read(names.tab)),
    filters: {
      offerId: z.uuid().nullable().catch(null).parse(read(names.offerId)),
      employerId: z.uuid().nullable().catch(null).parse(read(names.employerId)),
      receivedFrom: day.parse(read(names.receivedFrom)),
      receivedTo: day.parse(read(names.receivedTo)),
      q: read(names.q)?.slice(0, 200) ?? null,
      overdue: read(names.overdue) !== null,
    },
    sort: {
      key: applicationsListQuerySchema.shape.sort.catch(defaults.sort).parse(read(names.sort) ?? undefined),
      direction: applicationsListQuerySchema.shape.direction
        .catch(defaults.direction)
        .parse(read(names.direction) ?? undefined),
    },
    page: Math.max(1, Number.parseInt(read(names.page) ?? '1', 10) || 1),
  };
}

/** Whether any filter narrows the list (the tab aside). */
export function isFiltered(filters: ApplicationFilters): boolean {
  return Object.values(filters).some((value) => value !== null && value !== false);
}

/** The dates "du" and "au" in the wrong order: the list would be empty for no visible reason. */
export function datesReversed(filters: Pick<ApplicationFilters, 'receivedFrom' | 'receivedTo'>): boolean {
  return Boolean(filters.receivedFrom && filters.receivedTo && filters.receivedFrom > filters.receivedTo);
}

/** The query of `applications.list` for the state's tab (one page, or from `offset` for the export). */
export function toListQuery(
  state: ApplicationsListState,
  offset = (state.page - 1) * PAGE_SIZE,
  limit = PAGE_SIZE,
): ApplicationsListQuery {
  const { filters } = state;
  return {
    status: state.tab,
    ...(filters.offerId ? { offerId: filters.offerId } : {}),
    ...(filters.employerId ? { employerId: filters.employerId } : {}),
    ...(filters.receivedFrom ? { receivedFrom: filters.receivedFrom } : {}),
    ...(filters.receivedTo ? { receivedTo: filters.receivedTo } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    // Only applications "A traiter" can wait too long: elsewhere the flag would empty the list.
    ...(filters.overdue && state.tab === 'a_traiter' ? { overdue: true } : {}),
    sort: state.sort.key,
    direction: state.sort.direction,
    limit,
    offset,
  };
}

/** The address's parameters after `changes` (null or '' removes one). */
export function withChanges(
  current: URLSearchParams,
  changes: Record<string, string | null>,
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(name);
    else next.set(name, value);
  }
  return next;
}
