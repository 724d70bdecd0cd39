import { Anchor, Box, Stack, Table, Text } from '@mantine/core';
import { useVirtualRows } from '../../ui/useVirtualRows';
import { Link } from 'react-router';
import { formatShortDate } from '../../ui/dates';
import { SortableTh, type Sort } from '../../ui/SortableTh';
import { useWideTables } from '../../ui/useWideTables';
import { formatSiret } from '../companies/formatSiret';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import type { EmployerRow, EmployerSortKey } from './employerRows';
import { EmployerStatus } from './EmployerStatus';
import { employerPath } from './paths';

const nowrap = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

interface Props {
  rows: readonly EmployerRow[];
  sort: Sort<EmployerSortKey>;
  onSort: (sort: Sort<EmployerSortKey>) => void;
}

/**
 * The partner employers, virtualised: only the rows in view (and a few around) are in the page,
 * between two spacer rows that keep the scroll height, so thousands of rows stay fast. It stays a
 * real table (headers, `aria-rowcount` and `aria-rowindex` tell screen readers where they are).
 */
export function EmployersTable({ rows, sort, onSort }: Props) {
  const { scrollRef, items, measureElement, before, after } = useVirtualRows(rows, {
    key: (row) => row.employer.id,
    estimateSize: 56,
    overscan: 10,
  });
  const th = { sort, onSort };
  // Below xl (1280 or 1366 px beside the menu) the activity folds under the name and the sync state
  // under the request's status: 7 columns that fit, in place of 9 that scrolled sideways.
  const wide = useWideTables();
  const columns = wide ? 9 : 7;

  return (
    <Box ref={scrollRef} style={{ maxHeight: 'max(24rem, calc(100vh - 20rem))', overflow: 'auto' }}>
      <Table
        stickyHeader
        highlightOnHover
        layout="fixed"
        miw={wide ? 1040 : 760}
        aria-rowcount={rows.length + 1}
        aria-label="Employeurs partenaires de la structure"
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <SortableTh label="Employeur" sortKey="name" w={wide ? '15%' : '20%'} {...th} />
            <SortableTh label="Siret" sortKey="siret" w={wide ? '13%' : '17%'} {...th} />
            <SortableTh label="Commune" sortKey="commune" w={wide ? '10%' : '11%'} {...th} />
            {wide && <SortableTh label="Domaine d'activité" sortKey="activity" w="12%" {...th} />}
            <SortableTh label="Contact" sortKey="contact" w={wide ? '11%' : '13%'} {...th} />
            <SortableTh
              label="Offres en cours / total"
              sortKey="offers"
              w={wide ? '9%' : '10%'}
              firstDirection="desc"
              {...th}
            />
            <SortableTh
              label="Date d'ajout"
              sortKey="createdAt"
              w={wide ? '8%' : '11%'}
              firstDirection="desc"
              {...th}
            />
            <SortableTh label="Statut de la demande" sortKey="status" w={wide ? '11%' : '18%'} {...th} />
            {wide && (
              <Table.Th scope="col" w="11%">
                Synchronisation
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const { employer, name, contact } = rows[item.index]!;
            return (
              <Table.Tr
                key={item.key}
                data-index={item.index}
                ref={measureElement}
                aria-rowindex={item.index + 2}
              >
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={employerPath(employer.id)} size="sm">
                    {name}
                  </Anchor>
                  {!wide && employer.nafLabel && (
                    <Text size="xs" fw={400}>
                      {employer.nafLabel}
                    </Text>
                  )}
                </Table.Th>
                {/* Whole on one line; a window narrower than planned cuts it with "…", the full number as a tooltip. */}
                <Table.Td style={nowrap} title={formatSiret(employer.siret)}>
                  {formatSiret(employer.siret)}
                </Table.Td>
                <Table.Td>{employer.address?.communeName ?? '—'}</Table.Td>
                {wide && <Table.Td>{employer.nafLabel ?? '—'}</Table.Td>}
                <Table.Td>{contact}</Table.Td>
                <Table.Td>
                  {employer.offersInProgress} / {employer.offersTotal}
                </Table.Td>
                <Table.Td>{formatShortDate(employer.createdAt)}</Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <EmployerStatus employer={employer} />
                    {!wide && <SyncStateBadge state={employer.syncState} size="sm" />}
                  </Stack>
                </Table.Td>
                {wide && (
                  <Table.Td>
                    <SyncStateBadge state={employer.syncState} size="sm" />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
