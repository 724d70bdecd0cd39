import { Button, Card, Group, List, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { accountDeletionSchema } from '../../../shared/domain/account';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { parisDay } from '../../ui/dates';
import { saveFile } from '../../ui/download';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldProps } from '../../ui/forms';
import { useSubmitForm } from '../../ui/useSubmitForm';

function DeleteAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { form, failure, mutation, onSubmit } = useSubmitForm({
    initialValues: { currentPassword: '' },
    schema: accountDeletionSchema,
    submit: (values) => call('account.delete', values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Supprimer mon compte"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">
            Votre compte sera supprimé de la plateforme et ses données effacées de ce poste. Cette action est
            définitive. Saisissez votre mot de passe pour confirmer.
          </Text>
          {failure && <ErrorAlert message={failure} />}
          <PasswordInput
            label="Mot de passe actuel"
            autoComplete="current-password"
            required
            data-autofocus
            {...fieldProps(form, 'currentPassword')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" color="red.9" loading={mutation.isPending}>
              Supprimer définitivement mon compte
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The user's rights over their data (GDPR): access (export), rectification (above), deletion. */
export function AccountDataCard() {
  const [deleting, setDeleting] = useState(false);
  const exportData = useMutation({
    mutationFn: () => call('account.export'),
    onSuccess: (data) =>
      saveFile(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
        `mes-donnees-${parisDay(new Date(data.exportedAt))}.json`,
      ),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="account-data-title">
      <Stack>
        <Title order={2} size="h3" id="account-data-title">
          Mes données
        </Title>
        <Text size="sm">Conformément au RGPD, vous disposez sur vos données personnelles :</Text>
        <List size="sm">
          <List.Item>
            d’un droit d’accès : « Exporter mes données » enregistre un fichier JSON de tout ce que la
            plateforme conserve sur vous ;
          </List.Item>
          <List.Item>d’un droit de rectification : modifiez vos informations ci-dessus ;</List.Item>
          <List.Item>d’un droit à l’effacement : « Supprimer mon compte ».</List.Item>
        </List>
        <Text size="sm">
          Supprimer votre compte efface vos informations personnelles et vos sessions de la plateforme, ainsi
          que les données de ce compte sur ce poste. Les données de votre structure (offres, candidatures…)
          restent à la structure. Un référent doit d’abord transférer ses droits à un gestionnaire si d’autres
          utilisateurs sont rattachés à la structure.
        </Text>
        {exportData.error && <ErrorAlert message={messageOf(exportData.error)} />}
        <Group justify="flex-end">
          <Button variant="outline" loading={exportData.isPending} onClick={() => exportData.mutate()}>
            Exporter mes données
          </Button>
          <Button color="red.9" onClick={() => setDeleting(true)}>
            Supprimer mon compte
          </Button>
        </Group>
      </Stack>
      {deleting && <DeleteAccountModal opened onClose={() => setDeleting(false)} />}
    </Card>
  );
}
