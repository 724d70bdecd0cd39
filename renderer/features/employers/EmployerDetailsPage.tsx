import { Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { employerName, employerPatchSchema } from '../../../shared/domain/employers';
import type { LocalEmployer } from '../../../shared/domain/session';
import { formatFrenchPhone } from '../../../shared/validation/phone';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { formatDate } from '../../ui/dates';
import { DetailList } from '../../ui/DetailList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePageTitle } from '../../ui/usePageTitle';
import { formatAddress } from '../companies/formatAddress';
import { formatSiret } from '../companies/formatSiret';
import { EmployerOffers } from '../offers/EmployerOffers';
import { createOfferPathFor } from '../offers/paths';
import { changedValues } from '../sync/changedValues';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { useLocalEditForm } from '../sync/useLocalEditForm';
import { ContactFields } from './ContactFields';
import { EmployerStatus } from './EmployerStatus';
import { EMPLOYERS_PATH } from './paths';
import { useEmployer, useRefreshEmployersAndOffers } from './queries';

const NOT_LOOKED_UP = 'Repris de l’annuaire des entreprises à la prochaine synchronisation';

function contactValues(employer: LocalEmployer) {
  return {
    contactLastName: employer.contactLastName,
    contactFirstName: employer.contactFirstName,
    contactMail: employer.contactMail,
    contactPhone: formatFrenchPhone(employer.contactPhone),
  };
}

function ContactForm({ employer }: { employer: LocalEmployer }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshEmployersAndOffers();
  const { form, failure, mutation, submit } = useLocalEditForm({
    row: employer,
    toValues: contactValues,
    schema: employerPatchSchema,
    save: (values) =>
      call('employers.update', { id: employer.id, patch: changedValues(contactValues(employer), values) }),
    onSaved: async (saved) => {
      queryClient.setQueryData(queryKeys.employer(saved.id), saved);
      await refresh();
    },
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && <ErrorAlert message={failure} />}
        <ContactFields form={form} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EmployerDetails({ employer }: { employer: LocalEmployer }) {
  const name = employerName(employer);
  usePageTitle(name);
  const lookedUp = employer.legalName !== null;
  return (
    <Stack>
      <Anchor component={Link} to={EMPLOYERS_PATH} size="sm">
        Retour au suivi des employeurs
      </Anchor>
      <Group justify="space-between" align="center">
        <Title order={1}>{name}</Title>
        <SyncStateBadge state={employer.syncState} />
      </Group>
      <Card withBorder padding="lg" component="section" aria-labelledby="employer-directory">
        <Title order={2} size="h4" mb="sm" id="employer-directory">
          Annuaire des entreprises
        </Title>
        <DetailList
          items={[
            { label: 'Siret', value: formatSiret(employer.siret) },
            { label: 'Raison sociale', value: lookedUp ? employer.legalName : NOT_LOOKED_UP },
            { label: 'Nom commercial', value: employer.tradeName },
            { label: 'Code NAF', value: employer.nafCode },
            { label: "Domaine d'activité", value: employer.nafLabel },
            { label: 'Adresse', value: employer.address ? formatAddress(employer.address) : null },
            { label: 'Statut de la demande', value: <EmployerStatus employer={employer} /> },
            { label: "Date d'ajout", value: formatDate(employer.createdAt) },
          ]}
        />
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="employer-contact">
        <Title order={2} size="h4" mb="sm" id="employer-contact">
          Personne à contacter
        </Title>
        <ContactForm employer={employer} />
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="employer-offers">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="employer-offers">
            Offres de cet employeur
          </Title>
          {employer.status === 'acceptee' ? (
            <Button component={Link} to={createOfferPathFor(employer.id)} size="sm">
              Créer une offre
            </Button>
          ) : (
            <Text size="sm">Une offre peut être créée une fois la demande acceptée par la plateforme.</Text>
          )}
        </Group>
        <EmployerOffers employerId={employer.id} />
      </Card>
    </Stack>
  );
}

/** An employer's page: directory facts, request status, contact person (editable), offers. */
export function EmployerDetailsPage() {
  const { id = '' } = useParams();
  const employer = useEmployer(id);
  if (employer.isPending) return <Loader aria-label="Chargement de l’employeur" />;
  if (employer.error) {
    return (
      <Stack>
        <Title order={1}>Employeur</Title>
        <ErrorAlert message={messageOf(employer.error)} onRetry={() => void employer.refetch()} />
        <Anchor component={Link} to={EMPLOYERS_PATH}>
          Retour au suivi des employeurs
        </Anchor>
      </Stack>
    );
  }
  return <EmployerDetails employer={employer.data} />;
}
