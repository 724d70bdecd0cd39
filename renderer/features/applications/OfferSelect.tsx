import type { ComboboxItem, SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { offerStatuses } from '../../../shared/domain/offers';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { SearchSelect } from '../../ui/SearchSelect';
import { offerOption } from '../offers/queries';

/** The structure's offers whose title, employer or number match, whatever their tab. */
async function searchOffers(q: string): Promise<ComboboxItem[]> {
  const pages = await Promise.all(
    offerStatuses.map((status) => call('offers.list', { status, q, limit: 20, sort: 'number' })),
  );
  return pages.flatMap((page) => page.rows.map(offerOption));
}

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'filter'> & {
  value: string | null;
  onChange: (value: string | null) => void;
};

/** "Offre": one of the structure's offers, searched by title, employer or N° d'offre. */
export function OfferSelect(props: Props) {
  const chosen = useQuery({
    queryKey: queryKeys.offer(props.value ?? ''),
    queryFn: () => call('offers.get', { id: props.value! }),
    enabled: Boolean(props.value),
  });
  return (
    <SearchSelect
      placeholder="Intitulé, employeur ou N° d'offre"
      {...props}
      queryKey={(q) => ['offers.search', q]}
      search={searchOffers}
      selected={chosen.data ? offerOption(chosen.data) : null}
    />
  );
}
