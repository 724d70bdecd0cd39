import { Select, Stack, type SelectProps } from '@mantine/core';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { offerOption, useOpenOffers } from './queries';

/**
 * One of the structure's offers "En cours", the only ones a profile can be proposed or an alert
 * computed for: every one of them listed as soon as the list opens, narrowed by typing. A failed
 * load is said below the field, with "Réessayer".
 */
export function OpenOfferSelect({ w, ...props }: Omit<SelectProps, 'data' | 'searchable'>) {
  const offers = useOpenOffers();
  const data = (offers.data ?? []).map(offerOption);
  return (
    <Stack gap="xs" w={w}>
      <Select
        searchable
        placeholder="Choisissez une offre « En cours »"
        nothingFoundMessage={
          offers.isPending
            ? 'Chargement des offres…'
            : !offers.data
              ? 'Les offres « En cours » n’ont pas pu être chargées.'
              : data.length === 0
                ? 'Aucune offre « En cours » dans « Mes offres ».'
                : 'Aucune offre « En cours » ne correspond.'
        }
        {...props}
        data={data}
      />
      {offers.error && (
        <ErrorAlert
          title="Les offres « En cours » n’ont pas pu être chargées."
          message={messageOf(offers.error)}
          onRetry={() => void offers.refetch()}
          retrying={offers.isFetching}
        />
      )}
    </Stack>
  );
}
