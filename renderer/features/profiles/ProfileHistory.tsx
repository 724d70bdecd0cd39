import { Anchor, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ProfileDetails } from '../../../shared/ipc/contract';
import { formatDateTime, formatShortDate } from '../../ui/dates';
import { ApplicationStatusBadges } from '../applications/ApplicationStatusBadges';
import { CandidateText } from '../applications/ApplicantProfile';
import { offerLabel } from '../applications/labels';
import { applicationPath } from '../applications/paths';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { offerTitleLine } from './labels';
import { MatchSummary } from './MatchSummary';

function Contacts({ contacts }: { contacts: ProfileDetails['contacts'] }) {
  if (contacts.length === 0) return <Text size="sm">Aucun message envoyé à ce profil.</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs">
        <Table.Caption>Messages envoyés à ce profil</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Offre</Table.Th>
            <Table.Th scope="col">Par</Table.Th>
            <Table.Th scope="col">Message</Table.Th>
            <Table.Th scope="col">État</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr key={contact.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(contact.sentAt)}</Table.Td>
              <Table.Th scope="row" fw={500}>
                {offerTitleLine(contact)}
              </Table.Th>
              <Table.Td>{contact.sentBy}</Table.Td>
              <Table.Td>
                <CandidateText>{contact.message}</CandidateText>
              </Table.Td>
              <Table.Td>
                {contact.syncState === 'synced' ? (
                  <Text size="sm">Envoyé au candidat</Text>
                ) : (
                  <SyncStateBadge state={contact.syncState} size="sm" />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Applications({ applications }: { applications: ProfileDetails['applications'] }) {
  if (applications.length === 0) return <Text size="sm">Aucune candidature à vos offres.</Text>;
  return (
    <List spacing="xs" size="sm">
      {applications.map((application) => (
        <List.Item key={application.id}>
          <Stack gap={4}>
            <Text size="sm">
              <Anchor component={Link} to={applicationPath(application.id)} size="sm">
                Candidature n° {application.number}
              </Anchor>{' '}
              à l’offre {offerLabel(application)}, reçue le {formatShortDate(application.receivedAt)}
            </Text>
            <ApplicationStatusBadges application={application} />
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}

function Alerts({ alerts }: { alerts: ProfileDetails['alerts'] }) {
  if (alerts.length === 0) return <Text size="sm">Aucune alerte pour ce profil.</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {alerts.map((alert) => (
        <Card component="li" key={alert.id} withBorder padding="sm">
          <Text size="sm" fw={600}>
            {offerTitleLine(alert)}
          </Text>
          <MatchSummary alert={alert} />
        </Card>
      ))}
    </Stack>
  );
}

/** What the structure did with the profile, as cached here: its messages, applications and alerts. */
export function ProfileHistory({ details }: { details: ProfileDetails }) {
  return (
    <Stack>
      <Title order={3} size="h5">
        Messages « Contacter ce profil »
      </Title>
      <Contacts contacts={details.contacts} />
      <Title order={3} size="h5">
        Candidatures
      </Title>
      <Applications applications={details.applications} />
      <Title order={3} size="h5">
        Alertes
      </Title>
      <Alerts alerts={details.alerts} />
    </Stack>
  );
}
