import { Alert, Progress, Stack, Text } from '@mantine/core';
import type { SyncStatus } from '../../../shared/domain/sync';
import { formatTime } from '../../ui/dates';
import { formatEta, formatRows, percentOf } from './firstSync';

export const FIRST_SYNC_LABEL = 'Première synchronisation';

/**
 * How far this desktop's first synchronisation has gone: rows received out of how many, and
 * the time left. One bar per screen (the banner): the gate and the header only say it in words.
 */
export function FirstSyncProgress({ status }: { status: SyncStatus }) {
  const progress = status.progress;
  const percent = percentOf(progress);
  const rows = progress ? formatRows(progress.done, progress.total) : null;
  const interrupted = !status.running;
  const sentence = interrupted
    ? `${FIRST_SYNC_LABEL} interrompue${rows ? ` : ${rows}` : ''}.`
    : `${FIRST_SYNC_LABEL} : ${rows ?? 'préparation'} — ${formatEta(progress?.etaSeconds)}`;
  return (
    <Alert
      color="blue"
      variant="outline"
      mb="md"
      // Named by its title; a region, not an alert: it changes often and must not be re-announced.
      role="region"
      title={interrupted ? 'Première synchronisation interrompue' : 'Première synchronisation en cours'}
    >
      <Stack gap={6}>
        <Progress.Root size="lg">
          <Progress.Section
            withAria={false}
            role="progressbar"
            aria-label={FIRST_SYNC_LABEL}
            aria-valuemin={0}
            aria-valuemax={100}
            // No value while the total is unknown: an indeterminate bar, said so in words.
            aria-valuenow={percent ?? undefined}
            aria-valuetext={rows ?? 'préparation'}
            value={percent ?? 100}
            striped={percent === null || !interrupted}
            animated={percent === null && !interrupted}
          />
        </Progress.Root>
        <Text size="sm">{sentence}</Text>
        {interrupted && status.lastError && (
          <Text size="sm">
            {status.lastError}
            {status.nextAttemptAt ? ` Nouvel essai à ${formatTime(status.nextAttemptAt)}.` : ''}
          </Text>
        )}
        <Text size="sm">
          Les écrans qui montrent les données de votre structure s’afficheront à la fin ; Paramètres, Aide et
          votre compte restent disponibles.
        </Text>
      </Stack>
    </Alert>
  );
}
