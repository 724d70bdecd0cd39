import { Button, Card, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, useState } from 'react';
import { roleLabels, userPatchSchema } from '../../../shared/domain/account';
import type { LocalUser } from '../../../shared/domain/session';
import { formatFrenchPhone } from '../../../shared/validation/phone';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { DetailList } from '../../ui/DetailList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldErrors, fieldProps } from '../../ui/forms';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSignedInSession } from '../session/SessionGate';
import { notifySavedLocally } from '../sync/savedLocally';
import { SyncStateBadge } from '../sync/SyncStateBadge';

function formValues(user: LocalUser) {
  return { firstName: user.firstName, lastName: user.lastName, mobile: formatFrenchPhone(user.mobile) };
}

/** "Mon compte › Mes informations personnelles": editable offline (mail and password: with the platform). */
export function PersonalInfoPage() {
  usePageTitle('Mes informations personnelles');
  const { user } = useSignedInSession();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: formValues(user),
    validate: zod4Resolver(userPatchSchema),
    validateInputOnBlur: true,
  });

  useEffect(() => {
    if (form.isDirty()) return;
    form.setInitialValues(formValues(user));
    form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the version identifies the content
  }, [user.version, user.syncState]);

  const save = useMutation({
    mutationFn: (values: ReturnType<typeof formValues>) => call('account.update', values),
    onMutate: () => setFailure(null),
    onSuccess: async (saved) => {
      form.setInitialValues(formValues(saved));
      form.reset();
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
      notifySavedLocally(queryClient);
    },
    onError: (error) => setFailure(applyFieldErrors(form, error, ['firstName', 'lastName', 'mobile'])),
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
        <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
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
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                Enregistrer
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
