import { useSearchParams } from 'react-router';
import {
  contractTypeSchema,
  offerStatusSchema,
  type ContractType,
  type OfferStatus,
} from '../../../shared/domain/offers';
import { z } from '../../../shared/zod';
import { offersListQuerySchema, type OffersListQuery } from '../../../shared/ipc/contract';
import type { Sort } from '../../ui/SortableTh';
import { MY_OFFERS_PATH } from './paths';

export const PAGE_SIZE = 50;

export type OfferSortKey = NonNullable<OffersListQuery['sort']>;

export interface OfferFilters {
  employerId: string | null;
  romeCode: string | null;
  contractType: ContractType | null;
  communeCode: string | null;
}

/** The address of "Mes offres" on a tab (after an edit, the user comes back where the offer is). */
export function myOffersTabPath(status: OfferStatus): string {
  return status === 'en_cours' ? MY_OFFERS_PATH : `${MY_OFFERS_PATH}?onglet=${status}`;
}

// French names in the address bar: a deep link (or a bookmark) reads as what it shows.
const names = {
  tab: 'onglet',
  employerId: 'employeur',
  romeCode: 'metier',
  contractType: 'contrat',
  communeCode: 'commune',
  page: 'page',
  sort: 'tri',
  direction: 'ordre',
} as const;

/**
 * Tab, filters, order and page of "Mes offres", kept in the address: a deep link, a reload or
 * "Retour" shows the same list.
 */
export function useOffersParams() {
  const [params, setParams] = useSearchParams();
  const read = (name: string) => params.get(name) || null;
  const tab = offerStatusSchema.catch('en_cours').parse(read(names.tab));
  const filters: OfferFilters = {
    // A mistyped address shows every offer rather than an error.
    employerId: z.uuid().nullable().catch(null).parse(read(names.employerId)),
    romeCode: read(names.romeCode),
    contractType: contractTypeSchema.nullable().catch(null).parse(read(names.contractType)),
    communeCode: read(names.communeCode),
  };
  const defaults = offersListQuerySchema.parse({ status: tab });
  const sortKey = offersListQuerySchema.shape.sort.catch(defaults.sort).parse(read(names.sort) ?? undefined);
  const direction = offersListQuerySchema.shape.direction
    .catch(defaults.direction)
    .parse(read(names.direction) ?? undefined);
  const sort: Sort<OfferSortKey> = { key: sortKey, direction };
  const page = Math.max(1, Number.parseInt(read(names.page) ?? '1', 10) || 1);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(name);
          else next.set(name, value);
        }
        return next;
      },
      { replace: true },
    );

  return {
    tab,
    filters,
    sort,
    page,
    /** The tab changes, its list starts at page 1. */
    setTab: (status: OfferStatus) =>
      update({ [names.tab]: status === 'en_cours' ? null : status, [names.page]: null }),
    setFilter: (key: keyof OfferFilters, value: string | null) =>
      update({ [names[key]]: value, [names.page]: null }),
    clearFilters: () =>
      update({
        [names.employerId]: null,
        [names.romeCode]: null,
        [names.contractType]: null,
        [names.communeCode]: null,
        [names.page]: null,
      }),
    setSort: (next: Sort<OfferSortKey>) =>
      update({ [names.sort]: next.key, [names.direction]: next.direction, [names.page]: null }),
    setPage: (next: number) => update({ [names.page]: next === 1 ? null : String(next) }),
    /** The query of `offers.list` for the tab (a page of it, or from `offset` for the export). */
    query: (offset = (page - 1) * PAGE_SIZE, limit = PAGE_SIZE): OffersListQuery => ({
      status: tab,
      ...(filters.employerId ? { employerId: filters.employerId } : {}),
      ...(filters.romeCode ? { romeCode: filters.romeCode } : {}),
      ...(filters.contractType ? { contractType: filters.contractType } : {}),
      ...(filters.communeCode ? { communeCode: filters.communeCode } : {}),
      sort: sort.key,
      direction: sort.direction,
      limit,
      offset,
    }),
  };
}
