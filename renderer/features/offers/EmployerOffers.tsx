import { Anchor, Badge, Loader, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { offerStatuses, offerStatusLabels, type OfferStatus } from '../../../shared/domain/offers';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { formatShortDate } from '../../ui/dates';
import { SUCCESS_COLOR } from '../../ui/colors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { editOfferPath } from './paths';
import { offerName, offerNumber } from './queries';

const colors: Record<OfferStatus, string> = {
  en_cours: SUCCESS_COLOR,
  pourvue: 'blue.9',
  archivee: 'gray.8',
};

/** The offers of one employer, every status (the 500 newest of each). */
export function EmployerOffers({ employerId }: { employerId: string }) {
  const results = useQueries({
    queries: offerStatuses.map((status) => {
      const query = { status, employerId, limit: 500 };
      return { queryKey: queryKeys.offersPage(query), queryFn: () => call('offers.list', query) };
    }),
  });
  const failed = results.find((result) => result.error);
  if (failed) return <ErrorAlert message={messageOf(failed.error)} onRetry={() => void failed.refetch()} />;
  if (results.some((result) => result.isPending)) return <Loader aria-label="Chargement des offres" />;
  const offers = results.flatMap((result) => result.data?.rows ?? []);
  if (offers.length === 0) return <Text size="sm">Aucune offre pour cet employeur.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Caption>Offres de cet employeur, par statut</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">N° d'offre</Table.Th>
            <Table.Th scope="col">Intitulé</Table.Th>
            <Table.Th scope="col">Statut</Table.Th>
            <Table.Th scope="col">Date</Table.Th>
            <Table.Th scope="col">Synchronisation</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offers.map((offer) => (
            <Table.Tr key={offer.id}>
              <Table.Td>{offerNumber(offer)}</Table.Td>
              <Table.Th scope="row" fw={500}>
                {offer.title}
              </Table.Th>
              <Table.Td>
                <Badge color={colors[offer.status]} variant="outline">
                  {offerStatusLabels[offer.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{formatShortDate(offer.createdAt)}</Table.Td>
              <Table.Td>
                <SyncStateBadge state={offer.syncState} size="sm" />
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={editOfferPath(offer.id)}
                  size="sm"
                  aria-label={`Modifier ${offerName(offer)}`}
                >
                  Modifier
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
