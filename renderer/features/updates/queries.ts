import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { UpdateStatus } from '../../../shared/domain/updates';
import { bridge } from '../../api/bridge';
import { call } from '../../api/client';

const updateStatusKey = ['update.status'] as const;

/** The updater's state, kept current by the « update.status » event. */
export function useUpdateStatus() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      bridge().subscribe((event) => {
        if (event.type === 'update.status') queryClient.setQueryData(updateStatusKey, event.payload);
      }),
    [queryClient],
  );
  return useQuery({ queryKey: updateStatusKey, queryFn: () => call('update.status'), staleTime: Infinity });
}

function useUpdateAction(channel: 'update.restart' | 'update.later' | 'update.check') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(channel),
    onSuccess: (status: UpdateStatus) => queryClient.setQueryData(updateStatusKey, status),
  });
}

/** « Redémarrer pour mettre à jour ». */
export const useRestartToUpdate = () => useUpdateAction('update.restart');
/** « Plus tard ». */
export const usePostponeUpdate = () => useUpdateAction('update.later');
/** « Rechercher une mise à jour ». */
export const useCheckForUpdate = () => useUpdateAction('update.check');
