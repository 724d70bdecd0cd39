import { Button, Card, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { roleLabels, userPatchSchema } from '../../../shared/domain/account';
import type { LocalUser } from '../../../shared/domain/session';
import { formatFrenchPhone } from '../../../shared/validation/phone';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { DetailList } from '../../ui/DetailList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldProps } from '../../ui/forms';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSignedInSession } from '../session/SessionGate';
import { AccountDataCard } from './AccountDataCard';
import { MailChangeCard } from './MailChangeCard';
import { PasswordChangeCard } from './PasswordChangeCard';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { useLocalEditForm } from '../sync/useLocalEditForm';

function formValues(user: LocalUser) {
  return { firstName: user.firstName, lastName: user.lastName, mobile: formatFrenchPhone(user.mobile) };
}

/**
 * "Mon compte › Mes informations personnelles": name and mobile editable offline; mail, password
 * and the account itself only with the platform.
 */
export function PersonalInfoPage() {
  usePageTitle('Mes informations personnelles');
  const { user } = useSignedInSession();
  const queryClient = useQueryClient();
  const { form, failure, mutation, submit } = useLocalEditForm({
    row: user,
    toValues: formValues,
    schema: userPatchSchema,
    save: (values) => call('account.update', values),
    onSaved: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  });

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1}>Mes informations personnelles</Title>
        <SyncStateBadge state={user.syncState} />
      </Group>
      <Card withBorder padding="lg">
        <DetailList
          items={[
            { label: 'Mail', value: user.mail },
            { label: 'Rôle dans la structure', value: user.role ? roleLabels[user.role] : null },
          ]}
        />
      </Card>
      <Card withBorder padding="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            {failure && <ErrorAlert message={failure} />}
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <TextInput
                label="Prénom"
                autoComplete="given-name"
                required
                {...fieldProps(form, 'firstName')}
              />
              <TextInput label="Nom" autoComplete="family-name" required {...fieldProps(form, 'lastName')} />
              <TextInput
                label="Numéro de portable"
                type="tel"
                autoComplete="tel"
                required
                {...fieldProps(form, 'mobile')}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
                Enregistrer
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <MailChangeCard mail={user.mail} />
      <PasswordChangeCard />
      <AccountDataCard />
    </Stack>
  );
}
