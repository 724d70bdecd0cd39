import { Anchor, Card, Group, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ApplicationCounts } from '../../../shared/ipc/contract';
import { applicationStatuses, applicationStatusTabLabels } from '../../../shared/domain/applications';
import { formatCount, plural } from '../../ui/plural';
import { applicationsListPath, REPLY_TEMPLATES_PATH } from '../applications/paths';
import { DashboardCard } from './DashboardCard';
import type { Loadable } from './loadable';

/** "Candidatures": the count of each status, each a link to that tab of the list. */
export function StatusCounts({ state }: { state: Loadable<ApplicationCounts> }) {
  return (
    <DashboardCard
      id="dashboard-applications"
      title="Candidatures"
      state={state}
      actions={
        <Group gap="md" wrap="nowrap">
          {state.data && (
            <Text size="sm">{plural(state.data.total, 'candidature au total', 'candidatures au total')}</Text>
          )}
          <Anchor component={Link} to={applicationsListPath()} size="sm">
            Voir toutes les candidatures
          </Anchor>
          <Anchor component={Link} to={REPLY_TEMPLATES_PATH} size="sm">
            Modèles de réponse
          </Anchor>
        </Group>
      }
    >
      {(counts) => (
        <SimpleGrid cols={4} spacing="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {applicationStatuses.map((status) => (
            <li key={status}>
              <Card withBorder padding={6} px="xs" component={Link} to={applicationsListPath({ status })}>
                <Text size="sm" fw={600}>
                  {applicationStatusTabLabels[status]}
                </Text>
                <Text fz={24} fw={700} lh={1.1}>
                  {formatCount(counts[status])}
                </Text>
              </Card>
            </li>
          ))}
        </SimpleGrid>
      )}
    </DashboardCard>
  );
}
