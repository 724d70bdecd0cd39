import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { notifyError } from '../../ui/notify';

type IssueChannel = 'sync.resolve' | 'sync.resend' | 'sync.discard';

/** Acts on a conflict or a refused change; the list refreshes from the answer. */
export function useIssueAction<C extends IssueChannel>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input as never),
    onSuccess: (issues) => {
      queryClient.setQueryData(queryKeys.syncIssues, issues);
      void queryClient.invalidateQueries({ queryKey: queryKeys.syncStatus });
    },
    onError: (error) => notifyError(messageOf(error)),
  });
}
