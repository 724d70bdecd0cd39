import { Select } from '@mantine/core';
import { employerName } from '../../../shared/domain/employers';
import { useEmployers } from './queries';

interface Props {
  value: string | null;
  onChange: (employerId: string | null) => void;
}

/** "Employeur" in a list's filters: every partner employer of this desktop, searchable. */
export function EmployerFilter({ value, onChange }: Props) {
  const employers = useEmployers();
  return (
    <Select
      label="Employeur"
      placeholder="Tous"
      data={(employers.data ?? []).map((employer) => ({ value: employer.id, label: employerName(employer) }))}
      searchable
      clearable
      value={value}
      onChange={onChange}
      w={240}
    />
  );
}
