import { Select, type SelectProps } from '@mantine/core';
import type { OffersListQuery } from '../../../shared/ipc/contract';
import { offerOption, useOffersPage } from './queries';

/** Every offer "En cours" of the structure, newest number first (a structure has a few hundred at most). */
const OPEN_OFFERS: OffersListQuery = { status: 'en_cours', sort: 'number', direction: 'desc', limit: 500 };

/**
 * One of the structure's offers "En cours", the only ones a profile can be proposed or an alert
 * computed for: listed as soon as the list opens, narrowed by typing.
 */
export function OpenOfferSelect(props: Omit<SelectProps, 'data' | 'searchable'>) {
  const offers = useOffersPage(OPEN_OFFERS);
  const data = (offers.data?.rows ?? []).map(offerOption);
  return (
    <Select
      searchable
      placeholder="Choisissez une offre « En cours »"
      nothingFoundMessage={
        offers.isPending
          ? 'Chargement des offres…'
          : data.length === 0
            ? 'Aucune offre « En cours » dans « Mes offres ».'
            : 'Aucune offre « En cours » ne correspond.'
      }
      {...props}
      data={data}
    />
  );
}
