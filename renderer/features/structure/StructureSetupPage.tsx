import { Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { structureCreateSchema } from '../../../shared/domain/structure';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { AuthLayout } from '../auth/AuthLayout';
import { SiretInput } from '../companies/SiretInput';
import { CompanyFields } from '../companies/CompanyFields';
import { DirectoryFailureAlert } from '../companies/DirectoryFailureAlert';
import { siretFieldProps, useSiretLookup } from '../companies/useSiretLookup';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { notifySuccess } from '../../ui/notify';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSubmitForm } from '../../ui/useSubmitForm';
import { SignOutButton } from '../session/SignOutButton';

/** First login: the account is attached to its structure by SIRET. */
export function StructureSetupPage() {
  usePageTitle('Ma structure');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const directory = useSiretLookup();
  const { company } = directory;

  const { form, failure, mutation, onSubmit } = useSubmitForm({
    initialValues: { siret: '' },
    schema: structureCreateSchema,
    submit: ({ siret }) => call('structure.create', { siret }),
    onSuccess: (session) => {
      queryClient.setQueryData(queryKeys.session, session);
      if (session.status === 'signedIn' && session.structure) {
        notifySuccess(`Structure enregistrée : ${session.structure.legalName}`);
        navigate('/');
      }
      // Otherwise the structure already existed: the gate shows the waiting page.
    },
  });

  return (
    <AuthLayout title="Ma structure">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">
            Première connexion : indiquez le numéro de Siret de votre structure. Sa raison sociale et son
            activité sont reprises de l’annuaire des entreprises. Si la structure est déjà inscrite, votre
            demande de rattachement est envoyée à son référent.
          </Text>
          {failure && <ErrorAlert message={failure} />}
          <DirectoryFailureAlert directory={directory} />
          <SiretInput {...siretFieldProps(form, directory)} />
          {/* Filled from the company directory: shown, not typed. */}
          <CompanyFields company={company} withNafCode />
          <Group justify="space-between">
            <SignOutButton variant="subtle" />
            <Button type="submit" loading={mutation.isPending} disabled={!company || !company.active}>
              Enregistrer
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
