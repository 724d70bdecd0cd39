import { employerName, employerStatusLabels } from '../../../shared/domain/employers';
import type { LocalEmployer } from '../../../shared/domain/session';
import { fold } from '../../../shared/text/fold';
import type { Sort } from '../../ui/SortableTh';

export type EmployerSortKey =
  'name' | 'siret' | 'commune' | 'activity' | 'contact' | 'offers' | 'createdAt' | 'status';

/** An employer with what the list searches and sorts on, computed once per list. */
export interface EmployerRow {
  employer: LocalEmployer;
  name: string;
  contact: string;
  haystack: string;
}

export function toRows(employers: readonly LocalEmployer[]): EmployerRow[] {
  return employers.map((employer) => {
    const name = employerName(employer);
    const contact = `${employer.contactFirstName} ${employer.contactLastName}`;
    // The shared fold: "Pée" is found by "pee", "Cœur" by "coeur".
    const haystack = fold(
      [name, employer.legalName, employer.siret, employer.address?.communeName, contact].join(' '),
    );
    return { employer, name, contact, haystack };
  });
}

/** Rows whose name, Siret, commune or contact contain every word typed. */
export function search(rows: readonly EmployerRow[], query: string): readonly EmployerRow[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => words.every((word) => row.haystack.includes(word)));
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const sortValue: Record<EmployerSortKey, (row: EmployerRow) => string | number> = {
  name: (row) => row.name,
  siret: (row) => row.employer.siret,
  commune: (row) => row.employer.address?.communeName ?? '',
  activity: (row) => row.employer.nafLabel ?? '',
  contact: (row) => `${row.employer.contactLastName} ${row.employer.contactFirstName}`,
  offers: (row) => row.employer.offersInProgress * 1e6 + row.employer.offersTotal,
  createdAt: (row) => row.employer.createdAt,
  status: (row) => employerStatusLabels[row.employer.status],
};

export function sortRows(rows: readonly EmployerRow[], sort: Sort<EmployerSortKey>): EmployerRow[] {
  const value = sortValue[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * order || collator.compare(a.name, b.name);
  });
}
