import { Button, Group, Select } from '@mantine/core';
import { EmployerFilter } from '../employers/EmployerFilter';
import { CommuneSelect, RomeSelect } from '../referentials/ReferentialSelects';
import type { OfferFilters } from './useOffersParams';
import { contractOptions } from './contractOptions';

interface Props {
  filters: OfferFilters;
  onChange: (key: keyof OfferFilters, value: string | null) => void;
  onClear: () => void;
}

/** The filters of "Mes offres" (kept in the address by the page). */
export function OfferFiltersBar({ filters, onChange, onClear }: Props) {
  const any = Object.values(filters).some((value) => value !== null);
  return (
    <Group align="flex-end" role="search" aria-label="Filtrer les offres">
      <EmployerFilter value={filters.employerId} onChange={(value) => onChange('employerId', value)} />
      <RomeSelect
        label="Métier"
        placeholder="Tous"
        clearable
        value={filters.romeCode}
        onChange={(value) => onChange('romeCode', value)}
        w={260}
      />
      <Select
        label="Type de contrat"
        placeholder="Tous"
        data={contractOptions}
        clearable
        value={filters.contractType}
        onChange={(value) => onChange('contractType', value)}
        w={200}
      />
      <CommuneSelect
        label="Commune"
        placeholder="Toutes"
        clearable
        value={filters.communeCode}
        onChange={(value) => onChange('communeCode', value)}
        w={220}
      />
      <Button variant="subtle" onClick={onClear} disabled={!any}>
        Effacer les filtres
      </Button>
    </Group>
  );
}
