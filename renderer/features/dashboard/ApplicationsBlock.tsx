import { Alert, Anchor, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import {
  applicationStatuses,
  applicationStatusTabLabels,
  REPLY_REMINDER_DAYS,
} from '../../../shared/domain/applications';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatCount, plural } from '../../ui/plural';
import { applicationsListPath, REPLY_TEMPLATES_PATH } from '../applications/paths';
import { useApplicationCounts } from '../applications/queries';
import { OfferApplicationsTable } from './OfferApplicationsTable';

/** The reminder of applications "A traiter" for too long, with the way to them. */
function Reminder({ overdue }: { overdue: number }) {
  if (overdue === 0) {
    return (
      <Text size="sm">
        Aucune candidature n’attend de réponse depuis plus de {REPLY_REMINDER_DAYS} jours.
      </Text>
    );
  }
  return (
    <Alert color="orange" variant="outline" title="Relance" role="status">
      <Group justify="space-between">
        <Text size="sm">
          {overdue > 1
            ? `${formatCount(overdue)} candidatures attendent une réponse depuis plus de ${REPLY_REMINDER_DAYS} jours`
            : `1 candidature attend une réponse depuis plus de ${REPLY_REMINDER_DAYS} jours`}
        </Text>
        <Anchor component={Link} to={applicationsListPath({ status: 'a_traiter', overdue: true })} size="sm">
          {overdue > 1 ? 'Voir ces candidatures' : 'Voir cette candidature'}
        </Anchor>
      </Group>
    </Alert>
  );
}

/** The dashboard's "Candidatures" block: counts per status (each a way to its list), reminder, per offer. */
export function ApplicationsBlock() {
  const counts = useApplicationCounts();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="dashboard-applications">
      <Stack>
        <Group justify="space-between">
          <Title order={2} id="dashboard-applications">
            Candidatures
          </Title>
          <Group>
            <Anchor component={Link} to={applicationsListPath()} size="sm">
              Voir toutes les candidatures
            </Anchor>
            <Anchor component={Link} to={REPLY_TEMPLATES_PATH} size="sm">
              Modèles de réponse
            </Anchor>
          </Group>
        </Group>
        {counts.isPending && <Loader aria-label="Chargement des candidatures" />}
        {counts.error && (
          <ErrorAlert message={messageOf(counts.error)} onRetry={() => void counts.refetch()} />
        )}
        {counts.data && (
          <>
            <Text>{plural(counts.data.total, 'candidature au total', 'candidatures au total')}</Text>
            <SimpleGrid cols={{ base: 2, md: 4 }} component="ul" style={{ listStyle: 'none', padding: 0 }}>
              {applicationStatuses.map((status) => (
                <li key={status}>
                  <Card withBorder padding="md" component={Link} to={applicationsListPath({ status })}>
                    <Text fw={600}>{applicationStatusTabLabels[status]}</Text>
                    <Text fz={32} fw={700} lh={1.2}>
                      {formatCount(counts.data[status])}
                    </Text>
                  </Card>
                </li>
              ))}
            </SimpleGrid>
            <Reminder overdue={counts.data.overdue} />
          </>
        )}
        <OfferApplicationsTable />
      </Stack>
    </Card>
  );
}
