import type { ComboboxItem, SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { SearchSelect } from '../../ui/SearchSelect';
import { communeOptionOf, romeOptionOf, searchCommunes, searchRome } from './options';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'filter'> & {
  value?: string | null;
  onChange: (value: string | null) => void;
  /** The label of the current value when the caller knows it (an offer being edited). */
  selected?: ComboboxItem | null;
};

/** Finds the label of a value nobody has searched for yet (a filter read from the address). */
function useOptionOf(
  kind: string,
  value: string | null,
  known: ComboboxItem | null | undefined,
  find: (code: string) => Promise<ComboboxItem | null>,
  fallback?: string,
) {
  const lookup = useQuery({
    queryKey: queryKeys.referentialOption(kind, value),
    queryFn: () => find(value!),
    enabled: Boolean(value) && !known,
    staleTime: Infinity,
  });
  return known ?? lookup.data ?? (value ? { value, label: fallback ?? value } : null);
}

/** "Métier": a ROME 4.0 métier, searched by label or code, stored as its code. */
export function RomeSelect({ selected, ...props }: Props) {
  const option = useOptionOf('rome', props.value ?? null, selected, romeOptionOf);
  return (
    <SearchSelect
      placeholder="Libellé ou code ROME"
      {...props}
      queryKey={queryKeys.rome}
      search={searchRome}
      selected={option}
    />
  );
}

/**
 * A commune of Nouvelle-Aquitaine, searched by name or postal code, stored as its INSEE code.
 * `name`, when known (an offer being edited), is shown until its postal code is found.
 */
export function CommuneSelect({ selected, name, ...props }: Props & { name?: string }) {
  const option = useOptionOf('commune', props.value ?? null, selected, communeOptionOf, name);
  return (
    <SearchSelect
      placeholder="Nom de la commune"
      {...props}
      queryKey={queryKeys.communes}
      search={searchCommunes}
      selected={option}
    />
  );
}
