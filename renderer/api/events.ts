import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { bridge } from './bridge';
import { queryKeys } from './query-keys';

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
        }
      }),
    [queryClient],
  );
}
