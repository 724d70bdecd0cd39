import type { OfferStatus } from '../../../shared/domain/offers';

/** One offer's status (the tabs of "Mes offres", `offerTabLabels`, name them in the plural). */
export const offerStatusLabels: Record<OfferStatus, string> = {
  en_cours: 'En cours',
  pourvue: 'Pourvue',
  archivee: 'Archivée',
};
