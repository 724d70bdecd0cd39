import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: () => call('session.get'), staleTime: Infinity });
}

export function useConnectivity() {
  return useQuery({
    queryKey: queryKeys.connectivity,
    queryFn: () => call('connectivity.get'),
    staleTime: Infinity,
  });
}
