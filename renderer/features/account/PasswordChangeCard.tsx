import { Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { passwordChangeFormSchema } from '../../../shared/domain/account';
import { PASSWORD_MIN_LENGTH } from '../../../shared/validation/password';
import { call } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldProps } from '../../ui/forms';
import { notifySuccess } from '../../ui/notify';
import { useSubmitForm } from '../../ui/useSubmitForm';

/** A new password, confirmed by the current one; the account's other sessions end. */
export function PasswordChangeCard() {
  const { form, failure, mutation, onSubmit } = useSubmitForm({
    initialValues: { currentPassword: '', newPassword: '', newPasswordConfirmation: '' },
    schema: passwordChangeFormSchema,
    submit: (values) => call('account.changePassword', values),
    onSuccess: () =>
      notifySuccess('Votre mot de passe a été changé. Vos autres appareils devront se reconnecter.'),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="password-change-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="password-change-title">
            Changer mon mot de passe
          </Title>
          <Text size="sm">
            Au moins {PASSWORD_MIN_LENGTH} caractères, avec une majuscule, une minuscule, un chiffre et un
            caractère spécial. Les autres appareils connectés à votre compte devront se reconnecter.
          </Text>
          {failure && <ErrorAlert message={failure} />}
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <PasswordInput
              label="Mot de passe actuel"
              autoComplete="current-password"
              required
              {...fieldProps(form, 'currentPassword')}
            />
            <PasswordInput
              label="Nouveau mot de passe"
              autoComplete="new-password"
              required
              {...fieldProps(form, 'newPassword')}
            />
            <PasswordInput
              label="Confirmation du nouveau mot de passe"
              autoComplete="new-password"
              required
              {...fieldProps(form, 'newPasswordConfirmation')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              Changer mon mot de passe
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
