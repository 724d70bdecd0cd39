import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { OFFER_LIFETIME_MONTHS, type OfferStatus } from '../../../shared/domain/offers';
import type { LocalOffer } from '../../../shared/domain/session';
import { formatDate, formatShortDate } from '../../ui/dates';
import { plural } from '../../ui/plural';
import { SortableTh, type Sort } from '../../ui/SortableTh';
import { useWideTables } from '../../ui/useWideTables';
import { applicationsListPath } from '../applications/paths';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { HandicapPictogram } from './HandicapPictogram';
import { OfferActions } from './OfferActions';
import { offerName, offerNumber, useOfferActions } from './queries';
import type { OfferSortKey } from './useOffersParams';

/** When the platform will archive an offer "En cours" (it knows the date once it has published it). */
function archiving(offer: LocalOffer): string {
  return offer.archiveAt
    ? `Archivage automatique le ${formatDate(offer.archiveAt)}`
    : `Archivage automatique ${OFFER_LIFETIME_MONTHS} mois après sa publication`;
}

interface Props {
  status: OfferStatus;
  offers: readonly LocalOffer[];
  sort: Sort<OfferSortKey>;
  onSort: (sort: Sort<OfferSortKey>) => void;
  caption: string;
}

/** One tab of "Mes offres". Titles and names are staff-typed text: rendered as text only. */
export function OffersTable({ status, offers, sort, onSort, caption }: Props) {
  const actions = useOfferActions();
  const th = { sort, onSort };
  const wide = useWideTables();
  const archives = status === 'en_cours';
  return (
    // About 950 px at 1280 with the menu open: the archiving date is under the title, so is the sync
    // state below xl, and a narrower window scrolls the table alone, never the page.
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <SortableTh label="N° d'offre" sortKey="number" firstDirection="desc" {...th} />
            <SortableTh label="Intitulé" sortKey="title" {...th} />
            <SortableTh label="Employeur" sortKey="employer" {...th} />
            <SortableTh label="Date" sortKey="createdAt" firstDirection="desc" {...th} />
            <Table.Th scope="col">Handicap</Table.Th>
            <Table.Th scope="col">Candidatures</Table.Th>
            {wide && <Table.Th scope="col">Synchronisation</Table.Th>}
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offers.map((offer) => (
            <Table.Tr key={offer.id}>
              <Table.Td>
                {offer.number === null ? (
                  <Text size="sm" fs="italic">
                    {offerNumber(offer)}
                  </Text>
                ) : (
                  offer.number
                )}
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                {offer.title}
                {((!wide && offer.syncState !== 'synced') || archives) && (
                  <Stack gap={4} mt={4} align="flex-start" fw={400}>
                    {!wide && <SyncStateBadge state={offer.syncState} size="sm" />}
                    {archives && <Text size="xs">{archiving(offer)}</Text>}
                  </Stack>
                )}
              </Table.Th>
              <Table.Td>{offer.employerName}</Table.Td>
              <Table.Td>{formatShortDate(offer.createdAt)}</Table.Td>
              <Table.Td>{offer.handicapCommitment && <HandicapPictogram />}</Table.Td>
              <Table.Td>
                {offer.applicationsCount > 0 ? (
                  <Anchor
                    component={Link}
                    to={applicationsListPath({ offerId: offer.id })}
                    size="sm"
                    aria-label={`${plural(offer.applicationsCount, 'candidature', 'candidatures')} à ${offerName(offer)}`}
                  >
                    {offer.applicationsCount}
                  </Anchor>
                ) : (
                  0
                )}
              </Table.Td>
              {wide && (
                <Table.Td>
                  <SyncStateBadge state={offer.syncState} size="sm" />
                </Table.Td>
              )}
              <Table.Td>
                <OfferActions offer={offer} actions={actions} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
