import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { structureCreateSchema } from '../../../shared/domain/structure';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { AuthLayout } from '../auth/AuthLayout';
import { SiretInput } from '../companies/SiretInput';
import { CompanyFields } from '../companies/CompanyFields';
import { useSiretLookup } from '../companies/useSiretLookup';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { applyFieldErrors, fieldProps } from '../../ui/forms';
import { notifySuccess } from '../../ui/notify';
import { usePageTitle } from '../../ui/usePageTitle';
import { SignOutButton } from '../session/SignOutButton';

/** First login: the account is attached to its structure by SIRET. */
export function StructureSetupPage() {
  usePageTitle('Ma structure');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { siret: '' }, validate: zod4Resolver(structureCreateSchema) });
  const directory = useSiretLookup();
  const { company } = directory;
  const siretError = form.errors.siret ?? directory.fieldError;

  const onSiretChange = (value: string) => {
    form.setFieldValue('siret', value);
    const error = directory.onTyped(value);
    if (error) form.setFieldError('siret', error);
    else form.clearFieldError('siret');
  };

  const save = useMutation({
    mutationFn: (siret: string) => call('structure.create', { siret }),
    onMutate: () => setFailure(null),
    onSuccess: (session) => {
      queryClient.setQueryData(queryKeys.session, session);
      if (session.status === 'signedIn' && session.structure) {
        notifySuccess(`Structure enregistrée : ${session.structure.legalName}`);
        navigate('/');
      }
      // Otherwise the structure already existed: the gate shows the waiting page.
    },
    onError: (error) => setFailure(applyFieldErrors(form, error, ['siret'])),
  });

  return (
    <AuthLayout title="Ma structure">
      <form onSubmit={form.onSubmit(({ siret }) => save.mutate(siret))} noValidate>
        <Stack>
          <Text size="sm">
            Première connexion : indiquez le numéro de Siret de votre structure. Sa raison sociale et son
            activité sont reprises de l’annuaire des entreprises. Si la structure est déjà inscrite, votre
            demande de rattachement est envoyée à son référent.
          </Text>
          {failure && <ErrorAlert message={failure} />}
          {directory.failure && (
            <ErrorAlert
              message={messageOf(directory.failure)}
              onRetry={directory.retry}
              retrying={directory.fetching}
            />
          )}
          <SiretInput
            {...fieldProps(form, 'siret')}
            error={siretError}
            fetching={directory.fetching}
            onValueChange={onSiretChange}
            onBlur={() => form.validateField('siret')}
          />
          {/* Filled from the company directory: shown, not typed. */}
          <CompanyFields company={company} withNafCode />
          <Group justify="space-between">
            <SignOutButton variant="subtle" />
            <Button type="submit" loading={save.isPending} disabled={!company || !company.active}>
              Enregistrer
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
