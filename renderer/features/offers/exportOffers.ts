import {
  contractTypeLabels,
  OFFER_LIFETIME_MONTHS,
  offerStatusLabels,
  type OfferStatus,
} from '../../../shared/domain/offers';
import type { LocalOffer } from '../../../shared/domain/session';
import { syncStateLabels } from '../../../shared/domain/sync';
import type { OffersListQuery } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { downloadCsv, type CsvColumn } from '../../ui/csv';
import { formatDay, formatShortDate } from '../../ui/dates';
import { offerNumber } from './queries';

const columns: CsvColumn<LocalOffer>[] = [
  { header: "N° d'offre", value: offerNumber },
  { header: 'Intitulé', value: (offer) => offer.title },
  { header: 'Employeur', value: (offer) => offer.employerName },
  { header: 'Métier', value: (offer) => offer.romeLabel },
  { header: 'Code ROME', value: (offer) => offer.romeCode },
  { header: 'Type de contrat', value: (offer) => contractTypeLabels[offer.contractType] },
  { header: 'Date de début', value: (offer) => formatDay(offer.startDate) },
  { header: 'Durée (mois)', value: (offer) => offer.durationMonths },
  { header: 'Nombre de postes', value: (offer) => offer.positions },
  { header: "Rythme de l'alternance", value: (offer) => offer.rhythm },
  { header: 'Lieu', value: (offer) => offer.communeName },
  { header: 'Date', value: (offer) => formatShortDate(offer.createdAt) },
  { header: 'Engagement handicap', value: (offer) => (offer.handicapCommitment ? 'Oui' : 'Non') },
  { header: 'Candidatures', value: (offer) => offer.applicationsCount },
  { header: 'Statut', value: (offer) => offerStatusLabels[offer.status] },
  {
    header: 'Archivage automatique',
    value: (offer) =>
      offer.status !== 'en_cours'
        ? null
        : offer.archiveAt
          ? formatShortDate(offer.archiveAt)
          : `${OFFER_LIFETIME_MONTHS} mois après sa publication`,
  },
  { header: 'Synchronisation', value: (offer) => syncStateLabels[offer.syncState] },
];

const BATCH = 500;

/** "Exporter en CSV": every offer of the tab with its filters and order, fetched page by page. */
export async function exportOffers(
  query: (offset: number, limit: number) => OffersListQuery,
  tab: OfferStatus,
) {
  const offers: LocalOffer[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const page = await call('offers.list', query(offset, BATCH));
    offers.push(...page.rows);
    if (page.rows.length < BATCH || offers.length >= page.total) break;
  }
  const name = { en_cours: 'offres-en-cours', pourvue: 'offres-pourvues', archivee: 'offres-archivees' }[tab];
  downloadCsv(name, columns, offers);
}
