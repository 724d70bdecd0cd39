import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Diploma } from '../../../shared/domain/referentials';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { diplomaLevelLabels } from '../../../shared/domain/referentials';

function useDiplomas() {
  return useQuery({ queryKey: queryKeys.diplomas, queryFn: () => call('referentials.diplomas') });
}

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

/** "Diplômes": one or more, searchable, grouped by level. */
export function DiplomasSelect(props: Omit<MultiSelectProps, 'data'>) {
  const diplomas = useDiplomas();
  const data = useMemo(() => groupedByLevel(diplomas.data ?? []), [diplomas.data]);
  return (
    <MultiSelect
      searchable
      hidePickedOptions
      nothingFoundMessage={
        diplomas.isPending
          ? 'Chargement des diplômes…'
          : diplomas.data?.length
            ? 'Aucun diplôme trouvé.'
            : 'La liste des diplômes n’est pas encore sur ce poste : elle arrive à la prochaine synchronisation.'
      }
      {...props}
      data={data}
    />
  );
}
