import { Card, Group, Loader, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert';
import type { Loadable } from './loadable';

interface Props<T> {
  /** The id of its heading, which names the region. */
  id: string;
  title: string;
  state: Loadable<T>;
  /** Links or buttons beside the title. */
  actions?: ReactNode;
  /** Shown instead of `children` when the data is there but says nothing. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** One block of the dashboard: its title, then a loader, the error with "Réessayer", or its content. */
export function DashboardCard<T>({ id, title, state, actions, isEmpty, empty, children }: Props<T>) {
  const { data, error, onRetry } = state;
  return (
    <Card withBorder padding="sm" component="section" aria-labelledby={id} h="100%">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} size="h5" fz="0.9375rem" id={id}>
            {title}
          </Title>
          {actions}
        </Group>
        {error ? (
          <ErrorAlert message={error} onRetry={onRetry} />
        ) : data === undefined ? (
          <Loader size="sm" aria-label={`Chargement : ${title}`} />
        ) : isEmpty?.(data) ? (
          empty
        ) : (
          children(data)
        )}
      </Stack>
    </Card>
  );
}
