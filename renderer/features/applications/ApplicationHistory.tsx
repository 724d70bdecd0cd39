import { Table } from '@mantine/core';
import { applicationEventLabels, type ApplicationEvent } from '../../../shared/domain/applications';
import { formatDateTime } from '../../ui/dates';

/** Who did it: a member by name; the candidate received and abandoned, the platform did the rest. */
function author(event: ApplicationEvent): string {
  if (event.by) return event.by;
  return event.kind === 'recue' || event.kind === 'abandonnee' ? 'Le candidat' : 'La plateforme';
}

/** The activity history of an application (received, read, replied, abandoned), oldest first. */
export function ApplicationHistory({ history }: { history: readonly ApplicationEvent[] }) {
  const events = [...history].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Caption>Historique de la candidature</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Événement</Table.Th>
            <Table.Th scope="col">Par</Table.Th>
            <Table.Th scope="col">Détail</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event, index) => (
            <Table.Tr key={`${event.kind}-${event.at}-${index}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</Table.Td>
              <Table.Th scope="row" fw={500}>
                {applicationEventLabels[event.kind]}
              </Table.Th>
              <Table.Td>{author(event)}</Table.Td>
              <Table.Td>{event.detail ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
