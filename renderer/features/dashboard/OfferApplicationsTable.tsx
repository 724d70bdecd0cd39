import { Anchor, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { applicationStatuses, applicationStatusTabLabels } from '../../../shared/domain/applications';
import { offerStatuses, offerTabLabels, type OfferStatus } from '../../../shared/domain/offers';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageNav } from '../../ui/PageNav';
import { applicationsListPath } from '../applications/paths';
import { offerName, offerNumber } from '../offers/queries';

const PAGE_SIZE = 10;

const offerStatusOptions = offerStatuses.map((value) => ({ value, label: offerTabLabels[value] }));

/** "Candidatures par offre": the counts of each offer of one tab of "Mes offres", a page at a time. */
export function OfferApplicationsTable() {
  const [status, setStatus] = useState<OfferStatus>('en_cours');
  const [page, setPage] = useState(1);
  const query = {
    status,
    sort: 'number' as const,
    direction: 'desc' as const,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const offers = useQuery({
    queryKey: queryKeys.offersPage(query),
    queryFn: () => call('offers.list', query),
    placeholderData: keepPreviousData,
  });
  const rows = offers.data?.rows ?? [];
  const counts = useQueries({
    queries: rows.map((offer) => ({
      queryKey: queryKeys.applicationCountsFor({ offerId: offer.id }),
      queryFn: () => call('applications.counts', { offerId: offer.id }),
    })),
  });
  const failed = counts.find((result) => result.error);
  const pages = Math.max(1, Math.ceil((offers.data?.total ?? 0) / PAGE_SIZE));

  return (
    <Stack component="section" aria-labelledby="dashboard-per-offer" gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4" id="dashboard-per-offer">
          Candidatures par offre
        </Title>
        <Select
          label="Offres affichées"
          data={offerStatusOptions}
          value={status}
          allowDeselect={false}
          onChange={(value) => {
            if (!value) return;
            setStatus(value as OfferStatus);
            setPage(1);
          }}
          w={200}
        />
      </Group>
      {offers.isPending && <Loader aria-label="Chargement des offres" />}
      {offers.error && <ErrorAlert message={messageOf(offers.error)} onRetry={() => void offers.refetch()} />}
      {failed && <ErrorAlert message={messageOf(failed.error)} onRetry={() => void failed.refetch()} />}
      {offers.data && rows.length === 0 && <Text size="sm">Aucune offre dans cet onglet.</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover>
            <Table.Caption>{`Candidatures par offre « ${offerTabLabels[status]} »`}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">N° d'offre</Table.Th>
                <Table.Th scope="col">Intitulé</Table.Th>
                <Table.Th scope="col">Employeur</Table.Th>
                {applicationStatuses.map((applicationStatus) => (
                  <Table.Th key={applicationStatus} scope="col">
                    {applicationStatusTabLabels[applicationStatus]}
                  </Table.Th>
                ))}
                <Table.Th scope="col">Candidatures</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((offer, index) => {
                const count = counts[index]?.data;
                return (
                  <Table.Tr key={offer.id}>
                    <Table.Td>{offerNumber(offer)}</Table.Td>
                    <Table.Th scope="row" fw={500}>
                      {offer.title}
                    </Table.Th>
                    <Table.Td>{offer.employerName}</Table.Td>
                    {applicationStatuses.map((applicationStatus) => (
                      <Table.Td key={applicationStatus}>{count ? count[applicationStatus] : '…'}</Table.Td>
                    ))}
                    <Table.Td>
                      {offer.number === null ? (
                        <Text size="sm">Numérotée à la prochaine synchronisation</Text>
                      ) : (
                        <Anchor
                          component={Link}
                          to={applicationsListPath({ offerId: offer.id })}
                          size="sm"
                          aria-label={`Voir les candidatures à ${offerName(offer)}`}
                        >
                          Voir les candidatures
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <PageNav label="Pages des candidatures par offre" total={pages} value={page} onChange={setPage} />
    </Stack>
  );
}
