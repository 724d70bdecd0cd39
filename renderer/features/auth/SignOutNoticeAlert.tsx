import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SignOutNotice } from '../../../shared/domain/session';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { notifySuccess } from '../../ui/notify';

/** Why the app signed the last user out, and the choice it leaves them about the data kept here. */
export function SignOutNoticeAlert({ notice }: { notice: SignOutNotice }) {
  const queryClient = useQueryClient();
  const erase = useMutation({
    mutationFn: () => call('account.deleteLocalData', { userId: notice.userId }),
    onSuccess: (session) => {
      queryClient.setQueryData(queryKeys.session, session);
      notifySuccess(`Les données locales du compte ${notice.mail} ont été supprimées de ce poste.`);
    },
  });
  return (
    <Alert color="orange" variant="outline" role="alert" title="Vous avez été déconnecté">
      <Stack gap="sm">
        <Text size="sm">{notice.message}</Text>
        {erase.error && <ErrorAlert message={messageOf(erase.error)} />}
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="outline"
            color="red.9"
            loading={erase.isPending}
            onClick={() =>
              modals.openConfirmModal({
                title: 'Supprimer les données locales',
                children: (
                  <Text size="sm">
                    Les données du compte {notice.mail} conservées sur ce poste seront effacées, y compris les
                    modifications jamais envoyées à la plateforme.
                  </Text>
                ),
                labels: { confirm: 'Supprimer', cancel: 'Annuler' },
                confirmProps: { color: 'red.9' },
                closeButtonProps: { 'aria-label': 'Fermer' },
                onConfirm: () => erase.mutate(),
              })
            }
          >
            Supprimer les données locales de ce compte
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
