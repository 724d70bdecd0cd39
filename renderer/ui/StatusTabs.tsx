import { Tabs } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props<S extends string> {
  statuses: readonly S[];
  labels: Record<S, string>;
  /** Each tab's count, once loaded ("…" until then). */
  counts: Partial<Record<S, number>> | undefined;
  value: S;
  onChange: (status: S) => void;
  /** The open tab's content (only the open tab is rendered). */
  children: ReactNode;
}

/** One tab per status with its count in the label ("En cours (44)"), as "Mes offres" and "Candidatures" show them. */
export function StatusTabs<S extends string>({
  statuses,
  labels,
  counts,
  value,
  onChange,
  children,
}: Props<S>) {
  return (
    <Tabs
      value={value}
      onChange={(next) => next && onChange(next as S)}
      keepMounted={false}
      activateTabWithKeyboard
    >
      <Tabs.List>
        {statuses.map((status) => (
          <Tabs.Tab key={status} value={status}>
            {`${labels[status]} (${counts?.[status] ?? '…'})`}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {statuses.map((status) => (
        <Tabs.Panel key={status} value={status} pt="md">
          {status === value && children}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
