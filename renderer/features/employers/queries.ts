import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useRefreshEntity } from '../../api/useRefreshEntity';

export function useEmployers() {
  return useQuery({ queryKey: queryKeys.employers, queryFn: () => call('employers.list') });
}

export function useEmployer(id: string) {
  return useQuery({ queryKey: queryKeys.employer(id), queryFn: () => call('employers.get', { id }) });
}

/** Refreshes what a local write to employers or offers changes. */
export function useRefreshEmployersAndOffers() {
  const refresh = useRefreshEntity();
  return () => refresh('offer');
}
