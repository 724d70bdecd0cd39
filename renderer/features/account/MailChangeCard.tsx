import { Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { mailChangeSchema } from '../../../shared/domain/account';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldProps } from '../../ui/forms';
import { notifySuccess } from '../../ui/notify';
import { useSubmitForm } from '../../ui/useSubmitForm';

/** A new sign-in mail, confirmed by the current password; needs the platform. */
export function MailChangeCard({ mail }: { mail: string }) {
  const queryClient = useQueryClient();
  const { form, failure, mutation, onSubmit } = useSubmitForm({
    initialValues: { newMail: '', currentPassword: '' },
    schema: mailChangeSchema,
    submit: (values) => call('account.changeMail', values),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
      notifySuccess(`Votre mail de connexion est maintenant ${user.mail}.`);
    },
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="mail-change-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="mail-change-title">
            Changer mon mail
          </Title>
          <Text size="sm">
            Mail actuel : {mail}. Le nouveau mail servira à vous connecter ; votre mot de passe actuel
            confirme le changement.
          </Text>
          {failure && <ErrorAlert message={failure} />}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label="Nouveau mail"
              type="email"
              autoComplete="email"
              required
              {...fieldProps(form, 'newMail')}
            />
            <PasswordInput
              label="Mot de passe actuel"
              autoComplete="current-password"
              required
              {...fieldProps(form, 'currentPassword')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              Changer mon mail
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
