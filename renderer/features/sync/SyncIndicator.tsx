import { Anchor, Group, Progress, Text } from '@mantine/core';
import { Link } from 'react-router';
import { isFirstSync } from './firstSync';
import { useSyncStatus } from './queries';
import { formatTime } from '../../ui/dates';
import { RelativeTime } from '../../ui/RelativeTime';
import { plural } from '../../ui/plural';

/** Where synchronisation stands: running (with progress), changes waiting, last success, problems. */
export function SyncIndicator() {
  const { data: status } = useSyncStatus();
  if (!status) return null;
  const firstSync = isFirstSync(status);
  const percent = status.progress?.total
    ? Math.round((100 * status.progress.done) / status.progress.total)
    : null;

  return (
    <Group gap="sm" wrap="nowrap" role="status" aria-label="État de la synchronisation">
      {status.running ? (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">
            {status.phase === 'push'
              ? 'Envoi des modifications…'
              : firstSync
                ? 'Première synchronisation…'
                : 'Synchronisation…'}
          </Text>
          {/* Only long runs: a bar that flashes for a second helps nobody. The first sync's bar is
              the banner's, one per screen. */}
          {!firstSync && percent !== null && status.progress!.total! >= 50 && (
            <Progress value={percent} w={120} aria-label={`Avancement : ${percent} %`} />
          )}
        </Group>
      ) : (
        <Text size="sm">
          {status.pending > 0 ? (
            plural(status.pending, 'modification en attente', 'modifications en attente')
          ) : status.lastSyncAt ? (
            <RelativeTime
              at={status.lastSyncAt}
              relative={(when) => `Synchronisé ${when}`}
              absolute={(when) => `Synchronisé le ${when}`}
            />
          ) : (
            'Pas encore synchronisé'
          )}
        </Text>
      )}
      {!status.running && status.lastError && (
        // Why the last run stopped (offline, platform error...), and when it tries again.
        <Text size="xs" maw={360} truncate="end" title={status.lastError}>
          {status.lastError}
          {status.nextAttemptAt ? ` Nouvel essai à ${formatTime(status.nextAttemptAt)}.` : ''}
        </Text>
      )}
      {status.conflicts > 0 && (
        <Anchor
          component={Link}
          to="/synchronisation/conflits"
          size="sm"
          c="var(--mantine-color-error)"
          fw={600}
        >
          {plural(status.conflicts, 'conflit', 'conflits')}
        </Anchor>
      )}
      {status.parked > 0 && (
        <Anchor
          component={Link}
          to="/synchronisation/refus"
          size="sm"
          c="var(--mantine-color-error)"
          fw={600}
        >
          {plural(status.parked, 'modification refusée', 'modifications refusées')}
        </Anchor>
      )}
    </Group>
  );
}
