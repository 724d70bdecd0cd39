import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePageTitle } from '../../ui/usePageTitle';
import { AuthLayout } from '../auth/AuthLayout';
import { useSignedInSession } from '../session/SessionGate';
import { SignOutButton } from '../session/SignOutButton';
import { useSyncNow } from '../sync/queries';

/** A pending collaborator waits here, with none of the structure's data, until its référent approves them. */
export function PendingPage() {
  usePageTitle('Demande de rattachement en attente');
  const { joinRequest } = useSignedInSession();
  const queryClient = useQueryClient();
  const check = useSyncNow();
  const cancel = useMutation({
    mutationFn: () => call('structure.cancelRequest'),
    onSuccess: (session) => queryClient.setQueryData(queryKeys.session, session),
  });
  const structure = joinRequest
    ? `la structure « ${joinRequest.legalName} » (Siret ${joinRequest.siret}, ${joinRequest.communeName})`
    : 'la structure';

  return (
    <AuthLayout title="Demande de rattachement en attente">
      <Stack>
        <Alert color="blue" variant="outline" role="status" title="En attente de validation">
          <Text size="sm">
            {joinRequest
              ? `Votre demande de rattachement à ${structure} a été envoyée le ${formatDate(joinRequest.requestedAt)}.`
              : `Votre demande de rattachement à ${structure} a été envoyée.`}
          </Text>
        </Alert>
        <Text size="sm">
          Cette structure est déjà inscrite sur la plateforme : son référent doit accepter votre demande
          depuis « Utilisateurs de ma structure ». Vous deviendrez alors gestionnaire et accéderez à ses
          données. D’ici là, aucune donnée de la structure n’est visible depuis votre compte.
        </Text>
        <Text size="sm">
          L’application vérifie régulièrement si votre demande a été acceptée ; vous pouvez aussi le vérifier
          maintenant.
        </Text>
        {check.data?.lastError && <ErrorAlert message={check.data.lastError} />}
        {check.isSuccess && !check.data.lastError && (
          <Text size="sm" role="status">
            Vérification faite : votre demande est toujours en attente.
          </Text>
        )}
        {check.error && <ErrorAlert message={messageOf(check.error)} />}
        {cancel.error && <ErrorAlert message={messageOf(cancel.error)} />}
        <Group justify="space-between">
          <SignOutButton variant="subtle" />
          <Group>
            <Button
              variant="outline"
              color="red.9"
              loading={cancel.isPending}
              onClick={() =>
                modals.openConfirmModal({
                  title: 'Annuler ma demande',
                  children: (
                    <Text size="sm">
                      Votre demande de rattachement sera retirée. Vous pourrez ensuite indiquer un autre
                      Siret.
                    </Text>
                  ),
                  labels: { confirm: 'Annuler ma demande', cancel: 'Garder ma demande' },
                  confirmProps: { color: 'red.9' },
                  closeButtonProps: { 'aria-label': 'Fermer' },
                  onConfirm: () => cancel.mutate(),
                })
              }
            >
              Annuler ma demande
            </Button>
            <Button loading={check.isPending} onClick={() => check.mutate()}>
              Vérifier maintenant
            </Button>
          </Group>
        </Group>
      </Stack>
    </AuthLayout>
  );
}
