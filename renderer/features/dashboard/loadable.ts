import type { UseQueryResult } from '@tanstack/react-query';
import { messageOf } from '../../api/client';

/**
 * What a dashboard view is given: the data once there, or the French reason it is not, and
 * the way to ask again. Loading is "neither yet". Views never see a query, so they are tested
 * with plain props.
 */
export interface Loadable<T> {
  data: T | undefined;
  error: string | null;
  onRetry: () => void;
}

export function loadable<T>(query: UseQueryResult<T>): Loadable<T> {
  return {
    data: query.data,
    error: query.error ? messageOf(query.error) : null,
    onRetry: () => void query.refetch(),
  };
}
