import type { QueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '../../shared/domain/sync';
import { queryKeys } from './query-keys';

/**
 * Keeps the newest sync status: events (SSE, IPC) and answers to calls travel separately and
 * can arrive out of order.
 */
export function storeSyncStatus(queryClient: QueryClient, status: SyncStatus): SyncStatus {
  const current = queryClient.getQueryData<SyncStatus>(queryKeys.syncStatus);
  const newest = current && current.revision > status.revision ? current : status;
  queryClient.setQueryData(queryKeys.syncStatus, newest);
  return newest;
}
