import { Button, type ButtonProps } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

export function SignOutButton(props: ButtonProps) {
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => call('auth.logout'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  });
  return (
    <Button variant="outline" {...props} loading={signOut.isPending} onClick={() => signOut.mutate()}>
      Se déconnecter
    </Button>
  );
}
