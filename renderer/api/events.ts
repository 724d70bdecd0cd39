import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { bridge } from './bridge';
import { refreshQueries } from './refresh-queries';
import { storeSyncStatus } from './sync-status';
import { entityQueries, queryKeys } from './query-keys';

/** Keeps the queries in step with what the core announces. */
export function useCoreEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      bridge().subscribe((event) => {
        switch (event.type) {
          case 'session.changed':
            queryClient.setQueryData(queryKeys.session, event.payload);
            void queryClient.invalidateQueries({ queryKey: queryKeys.structure });
            break;
          case 'connectivity.changed':
            queryClient.setQueryData(queryKeys.connectivity, event.payload);
            break;
          case 'sync.status':
            storeSyncStatus(queryClient, event.payload);
            void queryClient.invalidateQueries({ queryKey: queryKeys.syncIssues });
            // "À faire" lists the refused changes and conflicts.
            void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard });
            break;
          case 'entities.changed':
            void refreshQueries(
              queryClient,
              event.payload.entities.flatMap((entity) => entityQueries[entity] ?? []),
            );
            break;
          case 'events.resumed':
            void queryClient.invalidateQueries();
            break;
        }
      }),
    [queryClient],
  );
}
