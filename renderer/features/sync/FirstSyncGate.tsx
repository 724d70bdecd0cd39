import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../../ui/usePageTitle';
import { isFirstSync } from './firstSync';
import { FirstSyncProgress } from './FirstSyncProgress';
import { useSyncStatus } from './queries';

/** True while this desktop waits for its first synchronisation of the structure. */
export function useFirstSync(): boolean {
  const { data: status } = useSyncStatus();
  return isFirstSync(status);
}

/** The top of the main area while the first synchronisation runs, on every screen but the gated ones. */
export function FirstSyncBanner() {
  const { data: status } = useSyncStatus();
  if (!status || !isFirstSync(status)) return null;
  return <FirstSyncProgress status={status} />;
}

function Waiting({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <Stack>
      <Title order={1}>{title}</Title>
      <Text>Première synchronisation en cours : cet écran s’affichera quand elle sera terminée.</Text>
    </Stack>
  );
}

/**
 * A screen that shows the structure's data: while the first synchronisation runs it says so
 * (the banner above shows the progress) instead of empty lists and zero counts.
 */
export function FirstSyncGate({ title, children }: { title: string; children: ReactNode }) {
  return useFirstSync() ? <Waiting title={title} /> : children;
}
