import { Group, Pagination } from '@mantine/core';

const controlLabels = {
  first: 'Première page',
  previous: 'Page précédente',
  next: 'Page suivante',
  last: 'Dernière page',
} as const;

/** Pages of a list, in a labelled navigation landmark, each button named in French. */
export function PageNav({
  label,
  total,
  value,
  onChange,
}: {
  label: string;
  total: number;
  value: number;
  onChange: (page: number) => void;
}) {
  if (total <= 1) return null;
  return (
    <Group justify="center" component="nav" aria-label={label}>
      <Pagination
        total={total}
        value={value}
        onChange={onChange}
        getItemProps={(n) => ({
          'aria-label': `Page ${n}`,
          'aria-current': n === value ? 'page' : undefined,
        })}
        getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
      />
    </Group>
  );
}
