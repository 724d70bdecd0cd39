import { Anchor, Group, Progress, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSyncStatus } from './queries';

const time = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** Where synchronisation stands: running (with progress), changes waiting, last success, problems. */
export function SyncIndicator() {
  const { data: status } = useSyncStatus();
  if (!status) return null;
  const percent = status.progress?.total
    ? Math.round((100 * status.progress.done) / status.progress.total)
    : null;

  return (
    <Group gap="sm" wrap="nowrap" role="status" aria-label="État de la synchronisation">
      {status.running ? (
        <Group gap={6} wrap="nowrap">
          <Text size="sm">Synchronisation…</Text>
          {percent !== null && status.progress!.total! > 200 && (
            <Progress value={percent} w={120} aria-label={`Synchronisation : ${percent} %`} />
          )}
        </Group>
      ) : (
        <Text size="sm">
          {status.pending > 0
            ? `${plural(status.pending, 'modification en attente', 'modifications en attente')}`
            : status.lastSyncAt
              ? `Synchronisé le ${time.format(new Date(status.lastSyncAt))}`
              : 'Pas encore synchronisé'}
        </Text>
      )}
      {status.conflicts > 0 && (
        <Anchor component={Link} to="/synchronisation/conflits" size="sm" c="red.9" fw={600}>
          {plural(status.conflicts, 'conflit', 'conflits')}
        </Anchor>
      )}
      {status.parked > 0 && (
        <Anchor component={Link} to="/synchronisation/refus" size="sm" c="red.9" fw={600}>
          {plural(status.parked, 'modification refusée', 'modifications refusées')}
        </Anchor>
      )}
    </Group>
  );
}
