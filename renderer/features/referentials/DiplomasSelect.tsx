import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Diploma } from '../../../shared/domain/referentials';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { diplomaLevelLabels } from '../../../shared/domain/referentials';

/** The diplomas grouped under their level, lowest first, in the order of the referential. */
function groupedByLevel(diplomas: Diploma[]) {
  const levels = [...new Set(diplomas.map((diploma) => diploma.level))].sort((a, b) => a - b);
  return levels.map((level) => ({
    group: diplomaLevelLabels[level] ?? `Niveau ${level}`,
    items: diplomas
      .filter((diploma) => diploma.level === level)
      .map((diploma) => ({ value: diploma.id, label: diploma.label })),
  }));
}

/** The referential's diplomas as options, and what to say when none matches the text typed. */
function useDiplomaOptions() {
  const diplomas = useQuery({ queryKey: queryKeys.diplomas, queryFn: () => call('referentials.diplomas') });
  const data = useMemo(() => groupedByLevel(diplomas.data ?? []), [diplomas.data]);
  const nothingFoundMessage = diplomas.isPending
    ? 'Chargement des diplômes…'
    : diplomas.data?.length
      ? 'Aucun diplôme trouvé.'
      : 'La liste des diplômes n’est pas encore sur ce poste : elle arrive à la prochaine synchronisation.';
  return { data, nothingFoundMessage };
}

/** "Diplômes": one or more, searchable, grouped by level. */
export function DiplomasSelect(props: Omit<MultiSelectProps, 'data'>) {
  const { data, nothingFoundMessage } = useDiplomaOptions();
  return (
    <MultiSelect
      searchable
      hidePickedOptions
      nothingFoundMessage={nothingFoundMessage}
      {...props}
      data={data}
    />
  );
}

/** "Diplôme": one, searchable, grouped by level (a search filter). */
export function DiplomaSelect(props: Omit<SelectProps, 'data'>) {
  const { data, nothingFoundMessage } = useDiplomaOptions();
  return <Select searchable nothingFoundMessage={nothingFoundMessage} {...props} data={data} />;
}
