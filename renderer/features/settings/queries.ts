import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfigPatch } from '../../../shared/domain/config';
import { call } from '../../api/client';

const configKey = ['config.get'] as const;

export function useConfig() {
  return useQuery({ queryKey: configKey, queryFn: () => call('config.get') });
}

export function useUpdateConfig() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ConfigPatch) => call('config.update', patch),
    onSuccess: (view) => queryClient.setQueryData(configKey, view),
  });
}
