import { useQueryClient } from '@tanstack/react-query';
import { entityQueries } from './query-keys';
import { refreshQueries } from './refresh-queries';

/**
 * Refreshes what a local write to one synced entity changes, without waiting for the core's
 * event (the same queries the sync refreshes).
 */
export function useRefreshEntity() {
  const queryClient = useQueryClient();
  return (entity: string) => refreshQueries(queryClient, entityQueries[entity] ?? []);
}
