import { Box, Button, Group, Table, Text } from '@mantine/core';
import { downloadCsv } from '../../../ui/csv';
import { plural } from '../../../ui/plural';
import type { Rejection } from './validateRows';

const columns = [
  { header: 'Ligne', value: (row: Rejection) => row.line },
  { header: 'Siret', value: (row: Rejection) => row.siret },
  { header: 'Motif', value: (row: Rejection) => row.reason },
];

/** The rows not imported and why, by line of the file; exportable to fix them in the spreadsheet. */
export function RejectedRows({ rows, caption }: { rows: readonly Rejection[]; caption: string }) {
  if (rows.length === 0) return null;
  return (
    <>
      <Group justify="space-between">
        <Text fw={600}>{plural(rows.length, 'ligne rejetée', 'lignes rejetées')}</Text>
        <Button variant="outline" size="xs" onClick={() => downloadCsv('lignes-rejetees', columns, rows)}>
          Exporter les lignes rejetées en CSV
        </Button>
      </Group>
      <Box style={{ maxHeight: '24rem', overflow: 'auto' }}>
        <Table stickyHeader striped>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="6rem">
                Ligne
              </Table.Th>
              <Table.Th scope="col" w="12rem">
                Siret
              </Table.Th>
              <Table.Th scope="col">Motif</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{row.line}</Table.Td>
                <Table.Td>{row.siret || '(vide)'}</Table.Td>
                <Table.Td>{row.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </>
  );
}
