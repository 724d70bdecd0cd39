import { Loader, Select, type ComboboxItem, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

const MIN_LENGTH = 2;

interface Props extends Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchable' | 'filter' | 'onSearchChange' | 'searchValue'
> {
  value?: string | null;
  onChange: (value: string | null) => void;
  /** The query key of one search (the results are cached per text typed). */
  queryKey: (q: string) => readonly unknown[];
  search: (q: string) => Promise<ComboboxItem[]>;
  /**
   * The label of a value chosen before this screen opened (an offer being edited, a filter from
   * the address), shown until the user searches again.
   */
  selected?: ComboboxItem | null;
}

/**
 * A select over a referential too large to list (métiers, communes): the text typed is searched
 * by the core (which matches codes and ignores accents), a quarter of a second after the last key.
 */
export function SearchSelect({ value = null, onChange, queryKey, search, selected, ...props }: Props) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ComboboxItem | null>(null);
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const current = [chosen, selected].find((option) => option && option.value === value) ?? null;
  // Typing the chosen label again (Mantine does it on selection) is no new search.
  const searching = debounced.length >= MIN_LENGTH && debounced !== current?.label;
  const results = useQuery({
    queryKey: queryKey(debounced),
    queryFn: () => search(debounced),
    enabled: searching,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const options = searching ? (results.data ?? []) : [];
  const data =
    current && !options.some((option) => option.value === current.value) ? [current, ...options] : options;

  return (
    <Select
      {...props}
      searchable
      data={data}
      value={value}
      filter={({ options: all }) => all}
      onSearchChange={setText}
      onChange={(next, option) => {
        setChosen(next ? option : null);
        onChange(next);
      }}
      nothingFoundMessage={
        text.trim().length < MIN_LENGTH
          ? `Saisissez au moins ${MIN_LENGTH} caractères.`
          : results.isFetching
            ? 'Recherche…'
            : 'Aucun résultat.'
      }
      rightSection={results.isFetching ? <Loader size="xs" aria-label="Recherche en cours" /> : undefined}
    />
  );
}
