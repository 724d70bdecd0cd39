import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SyncStatus } from '../../../shared/domain/sync';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { storeSyncStatus } from '../../api/sync-status';

export function useSyncStatus() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.syncStatus,
    queryFn: async () => {
      const fresh = await call('sync.status');
      const current = queryClient.getQueryData<SyncStatus>(queryKeys.syncStatus);
      return current && current.revision > fresh.revision ? current : fresh;
    },
    staleTime: Infinity,
  });
}

export function useSyncIssues() {
  return useQuery({ queryKey: queryKeys.syncIssues, queryFn: () => call('sync.issues') });
}

/** "Synchroniser maintenant". */
export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('sync.now'),
    onSuccess: (status) => storeSyncStatus(queryClient, status),
  });
}

/**
 * A page whose data others change on the platform (the users of the structure): opening it asks
 * for a pull, whose changes then refresh the page like any other (entities.changed).
 */
export function useRefreshOnOpen() {
  useEffect(() => {
    // Offline, or signed out meanwhile: the page shows what the cache has, which is all it can do.
    call('sync.refresh').catch(() => undefined);
  }, []);
}
