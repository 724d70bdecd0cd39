import { Button, Checkbox, Group, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { DateField } from '../../ui/DateField';
import { EmployerFilter } from '../employers/EmployerFilter';
import { datesReversed, isFiltered } from './listState';
import { OVERDUE_LABEL } from './labels';
import { OfferSelect } from './OfferSelect';
import type { ApplicationsParams } from './useApplicationsParams';

/** "Rechercher": typed freely, applied a moment after the last key (the address keeps it). */
function SearchField({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const [text, setText] = useState(value ?? '');
  const [applied, setApplied] = useState(value);
  // Cleared or changed from elsewhere ("Effacer les filtres", a link): the field follows.
  if (value !== applied) {
    setApplied(value);
    setText(value ?? '');
  }
  const apply = useDebouncedCallback((next: string) => onChange(next.trim() || null), 300);
  return (
    <TextInput
      type="search"
      label="Rechercher"
      description="Candidat, offre, employeur ou N°"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        apply(event.currentTarget.value);
      }}
      w={260}
    />
  );
}

/**
 * "En attente depuis plus de 7 jours": ticked at once, while the address (which the list reads)
 * follows a moment later.
 */
function OverdueCheckbox({ value, onChange }: { value: boolean; onChange: (value: boolean) => void }) {
  const [checked, setChecked] = useState(value);
  const [applied, setApplied] = useState(value);
  if (value !== applied) {
    setApplied(value);
    setChecked(value);
  }
  return (
    <Checkbox
      label={OVERDUE_LABEL}
      checked={checked}
      onChange={(event) => {
        setChecked(event.currentTarget.checked);
        onChange(event.currentTarget.checked);
      }}
      mb={8}
    />
  );
}

/** The filters of "Candidatures" (kept in the address by the page). */
export function ApplicationFiltersBar({ params }: { params: ApplicationsParams }) {
  const { filters } = params;
  return (
    <Group align="flex-end" role="search" aria-label="Filtrer les candidatures">
      <OfferSelect
        label="Offre"
        clearable
        value={filters.offerId}
        onChange={(value) => params.setFilter('offerId', value)}
        w={300}
      />
      <EmployerFilter
        value={filters.employerId}
        onChange={(value) => params.setFilter('employerId', value)}
      />
      <DateField
        label="Reçue à partir du"
        value={filters.receivedFrom}
        onChange={(day) => params.setFilter('receivedFrom', day || null)}
        w={160}
      />
      <DateField
        label="Reçue jusqu’au"
        value={filters.receivedTo}
        onChange={(day) => params.setFilter('receivedTo', day || null)}
        error={datesReversed(filters) ? 'Cette date précède la date « Reçue à partir du ».' : undefined}
        aria-invalid={datesReversed(filters) || undefined}
        w={160}
      />
      <SearchField value={filters.q} onChange={(value) => params.setFilter('q', value)} />
      {params.tab === 'a_traiter' && <OverdueCheckbox value={filters.overdue} onChange={params.setOverdue} />}
      <Button variant="subtle" onClick={params.clearFilters} disabled={!isFiltered(filters)}>
        Effacer les filtres
      </Button>
    </Group>
  );
}
