import { BarChart } from '@mantine/charts';
import type { ApplicationsPerWeek } from '../../../shared/domain/dashboard';
import { applicationStatuses, applicationStatusTabLabels } from '../../../shared/domain/applications';
import type { CsvColumn } from '../../ui/csv';
import { ChartCard } from './ChartCard';
import { weekLabel } from './chartFormat';
import type { Loadable } from './loadable';

type Week = ApplicationsPerWeek[number];

/** Theme colours, so the dark scheme has its own shade of each. */
export const statusColors = {
  a_traiter: 'blue.6',
  recevable: 'teal.6',
  refusee: 'red.6',
  abandonnee: 'gray.6',
} as const;

const columns: ReadonlyArray<CsvColumn<Week>> = [
  { header: 'Semaine du', value: (week) => weekLabel(week.weekStart) },
  ...applicationStatuses.map((status) => ({
    header: applicationStatusTabLabels[status],
    value: (week: Week) => week[status],
  })),
  { header: 'Total', value: (week) => week.total },
];

/** "Candidatures reçues par semaine": the last weeks, each bar split by the status it has now. */
export function ApplicationsPerWeekChart({ state }: { state: Loadable<ApplicationsPerWeek> }) {
  return (
    <ChartCard
      id="dashboard-per-week"
      title="Candidatures reçues par semaine"
      state={state}
      columns={columns}
      csvName="candidatures-par-semaine"
      empty="Aucune candidature reçue ces dernières semaines."
      isEmpty={(weeks) => weeks.every((week) => week.total === 0)}
      chart={(weeks) => (
        <BarChart
          h="100%"
          data={weeks.map((week) => ({ ...week, semaine: weekLabel(week.weekStart).slice(0, 5) }))}
          dataKey="semaine"
          type="stacked"
          series={applicationStatuses.map((status) => ({
            name: status,
            label: applicationStatusTabLabels[status],
            color: statusColors[status],
          }))}
          xAxisLabel="Semaine du"
          yAxisLabel="Nombre"
          withLegend
          // The whole width for the four statuses on one line, not only the plot's.
          legendProps={{ verticalAlign: 'top', height: 22, wrapperStyle: { left: 0, width: '100%' } }}
          styles={{
            legend: { paddingBottom: 0 },
            legendItem: { padding: '2px', gap: 3 },
            legendItemName: { fontSize: 11 },
          }}
          yAxisProps={{ allowDecimals: false }}
          tickLine="y"
          withTooltip
        />
      )}
    />
  );
}
