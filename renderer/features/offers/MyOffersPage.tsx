import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { PageNav } from '../../ui/PageNav';
import { StatusTabs } from '../../ui/StatusTabs';
import { Link } from 'react-router';
import { offerStatuses, offerTabLabels, type OfferStatus } from '../../../shared/domain/offers';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { plural } from '../../ui/plural';
import { usePageTitle } from '../../ui/usePageTitle';
import { exportOffers } from './exportOffers';
import { OfferFiltersBar } from './OfferFiltersBar';
import { OffersTable } from './OffersTable';
import { CREATE_OFFER_PATH } from './paths';
import { useOfferCounts, useOffersPage } from './queries';
import { PAGE_SIZE, useOffersParams } from './useOffersParams';
import { ExportCsvButton } from '../../ui/ExportCsvButton';

const empty: Record<OfferStatus, string> = {
  en_cours: 'Aucune offre en cours.',
  pourvue: 'Aucune offre pourvue.',
  archivee: 'Aucune offre archivée.',
};

function TabList({ params }: { params: ReturnType<typeof useOffersParams> }) {
  const page = useOffersPage(params.query());
  const filtered = Object.values(params.filters).some((value) => value !== null);
  if (page.isPending) return <Loader aria-label="Chargement des offres" />;
  if (page.error) return <ErrorAlert message={messageOf(page.error)} onRetry={() => void page.refetch()} />;
  const { rows, total } = page.data;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (total === 0)
    return <Text>{filtered ? 'Aucune offre ne correspond à ces filtres.' : empty[params.tab]}</Text>;
  return (
    <Stack>
      <Text size="sm" role="status" aria-live="polite">
        {plural(total, 'offre', 'offres')}
        {filtered ? ' correspondant aux filtres' : ''}
        {pages > 1 ? ` — page ${params.page} sur ${pages}` : ''}
      </Text>
      <OffersTable
        status={params.tab}
        offers={rows}
        sort={params.sort}
        onSort={params.setSort}
        caption={`Offres « ${offerTabLabels[params.tab]} »`}
      />
      <PageNav
        label="Pages de la liste des offres"
        total={pages}
        value={params.page}
        onChange={params.setPage}
      />
    </Stack>
  );
}

/** "Mes offres › Mes offres": the structure's offers by status, from the local cache. */
export function MyOffersPage() {
  usePageTitle('Mes offres');
  const params = useOffersParams();
  const counts = useOfferCounts();

  return (
    <Stack>
      <Group justify="space-between" align="center">
        <Title order={1}>Mes offres</Title>
        <Group>
          <Button component={Link} to={CREATE_OFFER_PATH}>
            Créer une offre
          </Button>
          <ExportCsvButton run={() => exportOffers(params.query, params.tab)} />
        </Group>
      </Group>
      <OfferFiltersBar filters={params.filters} onChange={params.setFilter} onClear={params.clearFilters} />
      <StatusTabs
        statuses={offerStatuses}
        labels={offerTabLabels}
        counts={counts.data}
        value={params.tab}
        onChange={params.setTab}
      >
        <TabList params={params} />
      </StatusTabs>
    </Stack>
  );
}
