import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { applicantName } from '../../../shared/domain/applications';
import type { LocalApplication } from '../../../shared/domain/session';
import { formatShortDate } from '../../ui/dates';
import { SortableTh, type Sort } from '../../ui/SortableTh';
import { useWideTables } from '../../ui/useWideTables';
import { ApplicationStatusBadges } from './ApplicationStatusBadges';
import { applicationName, offerLabel } from './labels';
import type { ApplicationSortKey } from './listState';
import { applicationPath } from './paths';
import { CandidateName } from '../profiles/CandidateName';

export interface Selection {
  ids: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
  /** Selects or clears every row shown. */
  toggleAll: (ids: readonly string[], on: boolean) => void;
}

interface Props {
  applications: readonly LocalApplication[];
  sort: Sort<ApplicationSortKey>;
  onSort: (sort: Sort<ApplicationSortKey>) => void;
  caption: string;
  /** Checkboxes for a bulk reply (tabs "A traiter" and "Recevables"). */
  selection?: Selection | undefined;
}

/**
 * One page of "Candidatures". Names, titles and messages are other people's text: rendered as
 * text only.
 */
export function ApplicationsTable({ applications, sort, onSort, caption, selection }: Props) {
  const th = { sort, onSort };
  const wide = useWideTables();
  const ids = applications.map((application) => application.id);
  const selectedHere = selection ? ids.filter((id) => selection.ids.has(id)).length : 0;
  return (
    // About 950 px at 1280 with the menu open: "Employeur" folds under the offer below xl, and a
    // narrower window scrolls the table alone, never the page.
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th scope="col" w={48}>
                <Checkbox
                  aria-label="Sélectionner toutes les candidatures de la page"
                  checked={selectedHere > 0 && selectedHere === ids.length}
                  indeterminate={selectedHere > 0 && selectedHere < ids.length}
                  onChange={(event) => selection.toggleAll(ids, event.currentTarget.checked)}
                />
              </Table.Th>
            )}
            <SortableTh label="N° de candidature" sortKey="number" firstDirection="desc" {...th} />
            <SortableTh label="Candidat" sortKey="applicant" {...th} />
            <SortableTh label="Offre" sortKey="offer" {...th} />
            {wide && <Table.Th scope="col">Employeur</Table.Th>}
            <SortableTh label="Reçue le" sortKey="receivedAt" firstDirection="desc" {...th} />
            <Table.Th scope="col">Statut</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applications.map((application) => {
            const name = applicationName(application);
            return (
              <Table.Tr key={application.id}>
                {selection && (
                  <Table.Td>
                    <Checkbox
                      aria-label={`Sélectionner ${name}`}
                      checked={selection.ids.has(application.id)}
                      onChange={(event) => selection.toggle(application.id, event.currentTarget.checked)}
                    />
                  </Table.Td>
                )}
                <Table.Td>{application.number}</Table.Td>
                <Table.Th scope="row" fw={500}>
                  <CandidateName oeth={application.profile?.oeth}>
                    {application.profile ? (
                      applicantName(application)
                    ) : (
                      <Text size="sm" fs="italic">
                        {applicantName(application)}
                      </Text>
                    )}
                  </CandidateName>
                </Table.Th>
                <Table.Td>
                  {offerLabel(application)}
                  {!wide && <Text size="xs">{application.employerName}</Text>}
                </Table.Td>
                {wide && <Table.Td>{application.employerName}</Table.Td>}
                <Table.Td>{formatShortDate(application.receivedAt)}</Table.Td>
                <Table.Td>
                  <ApplicationStatusBadges application={application} />
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={applicationPath(application.id)}
                    size="sm"
                    aria-label={`Détails de ${name}`}
                  >
                    Détails
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
