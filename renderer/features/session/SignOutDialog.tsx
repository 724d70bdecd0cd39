import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../ui/ErrorAlert';

export const SIGN_OUT_MODAL_ID = 'se-deconnecter';

function changesPhrase(waiting: number): string {
  return waiting > 1
    ? `${waiting} modifications ne sont pas encore envoyées`
    : 'Une modification n’est pas encore envoyée';
}

/**
 * "Se déconnecter": the account's data stays on this desktop (the default, for working offline
 * at the next sign-in) or is erased (a shared computer). Changes not yet sent are lost when
 * erasing: a second step says so and asks to confirm.
 */
function SignOutChoice({ waiting }: { waiting: number }) {
  const queryClient = useQueryClient();
  const [confirmingErase, setConfirmingErase] = useState(false);
  const signOut = useMutation({
    mutationFn: (eraseLocalData: boolean) => call('auth.logout', { eraseLocalData }),
    onSuccess: () => modals.close(SIGN_OUT_MODAL_ID),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  });
  const busy = signOut.isPending;

  if (confirmingErase) {
    return (
      <Stack>
        <Alert color="red" variant="outline" role="alert" title="Modifications perdues">
          <Text size="sm">
            {changesPhrase(waiting)} à la plateforme. Si vous effacez les données de ce poste, elles seront
            définitivement perdues.
          </Text>
        </Alert>
        {signOut.error && <ErrorAlert message={messageOf(signOut.error)} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirmingErase(false)} disabled={busy} data-autofocus>
            Retour
          </Button>
          <Button color="red.9" onClick={() => signOut.mutate(true)} loading={busy}>
            Effacer et perdre les modifications
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack>
      <Text size="sm">
        Les données de votre compte restent sur ce poste pour votre prochaine connexion, même hors ligne. Sur
        un ordinateur partagé, vous pouvez les effacer : elles seront téléchargées à nouveau à votre prochaine
        connexion.
      </Text>
      {waiting > 0 && (
        <Alert color="orange" variant="outline" role="alert">
          <Text size="sm">
            {changesPhrase(waiting)} à la plateforme. Si vous gardez les données, elles seront envoyées à
            votre prochaine connexion sur cet ordinateur.
          </Text>
        </Alert>
      )}
      {signOut.error && <ErrorAlert message={messageOf(signOut.error)} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => modals.close(SIGN_OUT_MODAL_ID)} disabled={busy}>
          Rester connecté
        </Button>
        <Button
          variant="outline"
          color="red.9"
          disabled={busy}
          onClick={() => (waiting > 0 ? setConfirmingErase(true) : signOut.mutate(true))}
        >
          Effacer les données de ce poste
        </Button>
        <Button onClick={() => signOut.mutate(false)} loading={busy} data-autofocus>
          Garder les données sur ce poste
        </Button>
      </Group>
    </Stack>
  );
}

export function openSignOutDialog(waiting: number): void {
  modals.open({
    modalId: SIGN_OUT_MODAL_ID,
    title: 'Se déconnecter',
    size: 'lg',
    closeButtonProps: { 'aria-label': 'Fermer' },
    children: <SignOutChoice waiting={waiting} />,
  });
}
