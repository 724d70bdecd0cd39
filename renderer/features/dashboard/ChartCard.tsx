import { Box, Button, Group, Table, Text } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { downloadCsv, type CsvColumn } from '../../ui/csv';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { DashboardCard } from './DashboardCard';
import type { Loadable } from './loadable';

/** The height of a chart and of its table, so that switching keeps the dashboard still. */
export const CHART_HEIGHT = 160;

interface Props<Row> {
  id: string;
  title: string;
  state: Loadable<Row[]>;
  /** The columns of the table alternative, also those of the CSV file. */
  columns: ReadonlyArray<CsvColumn<Row>>;
  /** The CSV file's name, before its date. */
  csvName: string;
  /** Said instead of the chart when nothing is there to draw. */
  empty: string;
  isEmpty?: (rows: Row[]) => boolean;
  chart: (rows: Row[]) => ReactNode;
}

/**
 * A chart of the dashboard with its French title, its table alternative ("Voir les données",
 * the same numbers for screen readers and whoever prefers them) and its CSV export.
 */
export function ChartCard<Row>({ id, title, state, columns, csvName, empty, isEmpty, chart }: Props<Row>) {
  const [showData, setShowData] = useState(false);
  const tableId = useId();
  return (
    <DashboardCard
      id={id}
      title={title}
      state={state}
      isEmpty={(rows) => (isEmpty ? isEmpty(rows) : rows.length === 0)}
      empty={<Text size="sm">{empty}</Text>}
    >
      {(rows) => (
        <>
          {showData ? (
            // Focusable, so the keyboard can scroll it (axe: scrollable-region-focusable).
            <Box
              id={tableId}
              h={CHART_HEIGHT}
              style={{ overflow: 'auto' }}
              tabIndex={0}
              role="region"
              aria-label={`Données : ${title}`}
            >
              <Table stickyHeader striped withTableBorder verticalSpacing={2} horizontalSpacing={6} fz="xs">
                <Table.Caption className="visually-hidden">{title}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((column) => (
                      <Table.Th key={column.header} scope="col">
                        {column.header}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row, index) => (
                    <Table.Tr key={index}>
                      {columns.map((column, col) =>
                        col === 0 ? (
                          <Table.Th key={column.header} scope="row" fw={500}>
                            {column.value(row) ?? '—'}
                          </Table.Th>
                        ) : (
                          <Table.Td key={column.header}>{column.value(row) ?? '—'}</Table.Td>
                        ),
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
          ) : (
            <Box
              h={CHART_HEIGHT}
              role="img"
              aria-label={`${title} : graphique ; « Voir les données » en donne les chiffres`}
            >
              {chart(rows)}
            </Box>
          )}
          <Group justify="space-between" wrap="nowrap" gap="xs">
            {/* A toggle button (aria-pressed): its name stays, its state says what is shown. */}
            <Button
              size="compact-xs"
              variant={showData ? 'filled' : 'outline'}
              aria-pressed={showData}
              aria-controls={showData ? tableId : undefined}
              onClick={() => setShowData(!showData)}
            >
              Voir les données
            </Button>
            <ExportCsvButton
              size="compact-xs"
              run={async () => downloadCsv(csvName, columns, rows)}
              label={`Exporter en CSV : ${title}`}
            />
          </Group>
        </>
      )}
    </DashboardCard>
  );
}
