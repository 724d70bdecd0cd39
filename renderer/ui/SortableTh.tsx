import { Table, UnstyledButton, type TableThProps } from '@mantine/core';

export type SortDirection = 'asc' | 'desc';
export interface Sort<K extends string> {
  key: K;
  direction: SortDirection;
}

interface Props<K extends string> extends Omit<TableThProps, 'onClick'> {
  label: string;
  sortKey: K;
  sort: Sort<K>;
  onSort: (sort: Sort<K>) => void;
  /** The order of a first click (dates read best newest first). */
  firstDirection?: SortDirection;
}

/**
 * A column header that sorts its table: a real button (keyboard-operable), and `aria-sort` on the
 * header so screen readers say how the table is ordered.
 */
export function SortableTh<K extends string>({
  label,
  sortKey,
  sort,
  onSort,
  firstDirection = 'asc',
  ...props
}: Props<K>) {
  const active = sort.key === sortKey;
  const next: SortDirection = active ? (sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection;
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      {...props}
    >
      <UnstyledButton fw={700} fz="sm" onClick={() => onSort({ key: sortKey, direction: next })}>
        {/* A narrow column wraps the label, never its arrow (kept on the last word's line). */}
        {label}
        {'\u00a0'}
        <span aria-hidden="true">{active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
}
