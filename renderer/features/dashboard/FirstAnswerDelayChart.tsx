import { LineChart } from '@mantine/charts';
import type { FirstAnswerDelay } from '../../../shared/domain/dashboard';
import type { CsvColumn } from '../../ui/csv';
import { ChartCard } from './ChartCard';
import { formatDays, weekLabel } from './chartFormat';
import type { Loadable } from './loadable';

type Week = FirstAnswerDelay[number];

const columns: ReadonlyArray<CsvColumn<Week>> = [
  { header: 'Semaine du', value: (week) => weekLabel(week.weekStart) },
  {
    header: 'Délai médian (jours)',
    value: (week) => (week.medianDays === null ? 'Aucune réponse' : formatDays(week.medianDays)),
  },
  { header: 'Candidatures répondues', value: (week) => week.answered },
];

/** "Délai médian avant une première réponse": per week of reception, in days. */
export function FirstAnswerDelayChart({ state }: { state: Loadable<FirstAnswerDelay> }) {
  return (
    <ChartCard
      id="dashboard-first-answer"
      title="Délai médian avant une première réponse"
      state={state}
      columns={columns}
      csvName="delai-premiere-reponse"
      empty="Aucune candidature répondue ces dernières semaines."
      isEmpty={(weeks) => weeks.every((week) => week.medianDays === null)}
      chart={(weeks) => (
        <LineChart
          h="100%"
          data={weeks.map((week) => ({
            semaine: weekLabel(week.weekStart).slice(0, 5),
            medianDays: week.medianDays,
          }))}
          dataKey="semaine"
          series={[{ name: 'medianDays', label: 'Délai médian (jours)', color: 'violet.6' }]}
          xAxisLabel="Semaine du"
          yAxisLabel="Jours"
          valueFormatter={formatDays}
          yAxisProps={{ allowDecimals: false }}
          connectNulls
          tickLine="y"
          withTooltip
        />
      )}
    />
  );
}
