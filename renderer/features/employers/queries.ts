import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { entityQueries, queryKeys } from '../../api/query-keys';

export function useEmployers() {
  return useQuery({ queryKey: queryKeys.employers, queryFn: () => call('employers.list') });
}

export function useEmployer(id: string) {
  return useQuery({ queryKey: queryKeys.employer(id), queryFn: () => call('employers.get', { id }) });
}

/**
 * Refreshes what a local write to employers or offers changes, without waiting for the core's
 * event (the same queries the sync refreshes).
 */
export function useRefreshEmployersAndOffers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      (entityQueries.offer ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    ).then(() => undefined);
}
