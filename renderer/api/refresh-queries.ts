import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Reads these queries again because the data behind them changed. An invalidation alone is lost
 * on a query whose first fetch is still under way (React Query then keeps that fetch, begun before
 * the change, and its answer): "Mes offres" opened while its new offer was being acknowledged kept
 * showing it « provisoire ». Cancelling first makes the next read start after the change.
 */
export async function refreshQueries(
  queryClient: QueryClient,
  queryKeys: readonly QueryKey[],
): Promise<void> {
  await Promise.all(queryKeys.map((queryKey) => queryClient.cancelQueries({ queryKey })));
  await Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
