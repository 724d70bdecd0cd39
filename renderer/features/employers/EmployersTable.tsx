import { Anchor, Box, Table } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link } from 'react-router';
import { formatShortDate } from '../../ui/dates';
import { SortableTh, type Sort } from '../../ui/SortableTh';
import { formatSiret } from '../companies/formatSiret';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import type { EmployerRow, EmployerSortKey } from './employerRows';
import { EmployerStatus } from './EmployerStatus';
import { employerPath } from './paths';

const COLUMNS = 9;

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
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders us itself
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 56,
    overscan: 10,
    getItemKey: (index) => rows[index]!.employer.id,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const th = { sort, onSort };

  return (
    <Box ref={scrollRef} style={{ maxHeight: 'max(24rem, calc(100vh - 20rem))', overflow: 'auto' }}>
      <Table
        stickyHeader
        highlightOnHover
        layout="fixed"
        miw={1280}
        aria-rowcount={rows.length + 1}
        aria-label="Employeurs partenaires de la structure"
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <SortableTh label="Employeur" sortKey="name" w="15%" {...th} />
            <SortableTh label="Siret" sortKey="siret" w="11%" {...th} />
            <SortableTh label="Commune" sortKey="commune" w="10%" {...th} />
            <SortableTh label="Domaine d'activité" sortKey="activity" w="14%" {...th} />
            <SortableTh label="Contact" sortKey="contact" w="11%" {...th} />
            <SortableTh
              label="Offres en cours / total"
              sortKey="offers"
              w="9%"
              firstDirection="desc"
              {...th}
            />
            <SortableTh label="Date d'ajout" sortKey="createdAt" w="8%" firstDirection="desc" {...th} />
            <SortableTh label="Statut de la demande" sortKey="status" w="11%" {...th} />
            <Table.Th scope="col" w="11%">
              Synchronisation
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const { employer, name, contact } = rows[item.index]!;
            return (
              <Table.Tr
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
              >
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={employerPath(employer.id)} size="sm">
                    {name}
                  </Anchor>
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatSiret(employer.siret)}</Table.Td>
                <Table.Td>{employer.address?.communeName ?? '—'}</Table.Td>
                <Table.Td>{employer.nafLabel ?? '—'}</Table.Td>
                <Table.Td>{contact}</Table.Td>
                <Table.Td>
                  {employer.offersInProgress} / {employer.offersTotal}
                </Table.Td>
                <Table.Td>{formatShortDate(employer.createdAt)}</Table.Td>
                <Table.Td>
                  <EmployerStatus employer={employer} />
                </Table.Td>
                <Table.Td>
                  <SyncStateBadge state={employer.syncState} size="sm" />
                </Table.Td>
              </Table.Tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
