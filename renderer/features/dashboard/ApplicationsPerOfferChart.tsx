import { BarChart } from '@mantine/charts';
import type { ApplicationsPerOffer } from '../../../shared/domain/dashboard';
import type { CsvColumn } from '../../ui/csv';
import { ChartCard } from './ChartCard';
import { offerLabel } from './chartFormat';
import type { Loadable } from './loadable';

type Offer = ApplicationsPerOffer[number];

const columns: ReadonlyArray<CsvColumn<Offer>> = [
  { header: 'Offre', value: offerLabel },
  { header: 'Employeur', value: (offer) => offer.employerName },
  { header: 'Candidatures', value: (offer) => offer.total },
  { header: 'A traiter', value: (offer) => offer.a_traiter },
];

/** "Candidatures par offre": the offers "En cours" with the most applications, longest bar first. */
export function ApplicationsPerOfferChart({ state }: { state: Loadable<ApplicationsPerOffer> }) {
  return (
    <ChartCard
      id="dashboard-per-offer"
      title="Candidatures par offre"
      state={state}
      columns={columns}
      csvName="candidatures-par-offre"
      empty="Aucune offre « En cours » n’a reçu de candidature."
      isEmpty={(offers) => offers.every((offer) => offer.total === 0)}
      chart={(offers) => (
        <BarChart
          h="100%"
          data={offers.map((offer) => ({
            offre: offer.number === null ? 'Provisoire' : `N° ${offer.number}`,
            total: offer.total,
          }))}
          dataKey="offre"
          orientation="vertical"
          series={[{ name: 'total', label: 'Candidatures', color: 'blue.6' }]}
          xAxisLabel="Candidatures"
          yAxisLabel="Offre"
          yAxisProps={{ width: 52, interval: 0, tick: { fontSize: 10 } }}
          tickLine="x"
          withTooltip
        />
      )}
    />
  );
}
