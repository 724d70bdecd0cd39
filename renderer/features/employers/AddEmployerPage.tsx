import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { employerFormSchema, employerName } from '../../../shared/domain/employers';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { notifySuccess } from '../../ui/notify';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSubmitForm } from '../../ui/useSubmitForm';
import { SiretInput } from '../companies/SiretInput';
import { CompanyFields } from '../companies/CompanyFields';
import { DirectoryFailureAlert } from '../companies/DirectoryFailureAlert';
import { siretFieldProps, useSiretLookup } from '../companies/useSiretLookup';
import { useConnectivity } from '../session/queries';
import { ContactFields } from './ContactFields';
import { EMPLOYERS_PATH } from './paths';
import { useRefreshEmployersAndOffers } from './queries';

const NEXT_SYNC =
  'Hors ligne : l’annuaire des entreprises sera consulté à la prochaine synchronisation. Vous pouvez envoyer la demande dès maintenant.';

/**
 * "Ajouter un employeur": a partnership request by Siret, saved on this desktop at once
 * ("En attente") and sent to the platform at the next synchronisation.
 */
export function AddEmployerPage() {
  usePageTitle('Ajouter un employeur');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = useRefreshEmployersAndOffers();
  const offline = useConnectivity().data?.state === 'offline';
  const directory = useSiretLookup(!offline);
  const directoryUnreachable = offline || directory.failure?.code === 'offline';

  const { form, failure, mutation, onSubmit } = useSubmitForm({
    initialValues: {
      siret: '',
      contactLastName: '',
      contactFirstName: '',
      contactMail: '',
      contactPhone: '',
    },
    schema: employerFormSchema,
    submit: (values) => call('employers.create', values),
    onSuccess: async (employer) => {
      queryClient.setQueryData(queryKeys.employer(employer.id), employer);
      await refresh();
      notifySuccess(
        `Demande enregistrée pour ${employerName(directory.company ?? employer)} : elle reste « En attente » jusqu’à la prochaine synchronisation.`,
      );
      navigate(EMPLOYERS_PATH);
    },
  });

  return (
    <Stack>
      <Anchor component={Link} to={EMPLOYERS_PATH} size="sm">
        Retour au suivi des employeurs
      </Anchor>
      <Title order={1}>Ajouter un employeur</Title>
      <Card withBorder padding="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Text size="sm">
              Indiquez le Siret de l’établissement : sa raison sociale, son activité et son adresse sont
              reprises de l’annuaire des entreprises. La demande est acceptée ou refusée par la plateforme.
            </Text>
            {failure && <ErrorAlert message={failure} />}
            {directoryUnreachable ? (
              <Text size="sm" fw={600} role="status">
                {NEXT_SYNC}
              </Text>
            ) : (
              <DirectoryFailureAlert directory={directory} />
            )}
            <SiretInput {...siretFieldProps(form, directory)} />
            <CompanyFields company={directory.company} />
            <Title order={2} size="h4">
              Personne à contacter chez l’employeur
            </Title>
            <ContactFields form={form} />
            <Group justify="flex-end">
              <Button variant="default" component={Link} to={EMPLOYERS_PATH}>
                Annuler
              </Button>
              <Button
                type="submit"
                loading={mutation.isPending}
                disabled={Boolean(directory.fieldError) || directory.fetching}
              >
                Envoyer la demande
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
