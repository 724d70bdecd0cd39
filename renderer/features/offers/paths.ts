export const MY_OFFERS_PATH = '/mes-offres';
export const CREATE_OFFER_PATH = '/mes-offres/creer-une-offre';
export const PUBLIC_OFFERS_PATH = '/mon-espace/consulter-toutes-les-offres';

export function editOfferPath(id: string): string {
  return `/mes-offres/${id}/modifier`;
}

/** "Créer une offre" with the employer already chosen (from the employer's page). */
export function createOfferPathFor(employerId: string): string {
  return `${CREATE_OFFER_PATH}?employeur=${encodeURIComponent(employerId)}`;
}
