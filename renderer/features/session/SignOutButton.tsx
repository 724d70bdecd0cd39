import { Button, Text, type ButtonProps } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '../../../shared/domain/sync';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { openSignOutDialog } from './SignOutDialog';

function waitingChanges(status: SyncStatus | undefined): number {
  return (status?.pending ?? 0) + (status?.parked ?? 0) + (status?.conflicts ?? 0);
}

/**
 * "Se déconnecter" asks whether to keep this account's data on the desktop or erase it. Signing
 * in again after an expired session ("Se reconnecter") keeps it, warning first when changes
 * still wait: they are not lost, they leave at the next sign-in on this computer.
 */
export function useSignOut({ offerErase = true }: { offerErase?: boolean } = {}) {
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => call('auth.logout'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  });
  const request = () => {
    const waiting = waitingChanges(queryClient.getQueryData<SyncStatus>(queryKeys.syncStatus));
    if (offerErase) return openSignOutDialog(waiting);
    if (waiting === 0) return signOut.mutate();
    modals.openConfirmModal({
      title: 'Des modifications ne sont pas encore synchronisées',
      children: (
        <Text size="sm">
          {waiting > 1 ? `${waiting} modifications restent` : 'Une modification reste'} sur ce poste. Elles ne
          sont pas perdues : elles seront envoyées à votre prochaine connexion sur cet ordinateur.
        </Text>
      ),
      labels: { confirm: 'Se déconnecter', cancel: 'Rester connecté' },
      closeButtonProps: { 'aria-label': 'Fermer' },
      onConfirm: () => signOut.mutate(),
    });
  };
  return { request, pending: signOut.isPending };
}

export function SignOutButton(props: ButtonProps) {
  const signOut = useSignOut();
  return (
    <Button variant="outline" {...props} loading={signOut.pending} onClick={signOut.request}>
      Se déconnecter
    </Button>
  );
}
