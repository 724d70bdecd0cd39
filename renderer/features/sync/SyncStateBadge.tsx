import { Anchor, Badge, Group } from '@mantine/core';
import { Link } from 'react-router';
import { syncStateLabels, type SyncState } from '../../../shared/domain/sync';

const colors: Record<SyncState, string> = {
  synced: 'teal.9',
  // orange.9 is below 4.5:1 on white; this darker orange passes WCAG AA.
  pending: '#8a3b00',
  parked: 'red.9',
  conflict: 'red.9',
};
const links: Partial<Record<SyncState, { to: string; label: string }>> = {
  conflict: { to: '/synchronisation/conflits', label: 'Résoudre le conflit' },
  parked: { to: '/synchronisation/refus', label: 'Voir la modification refusée' },
};

/** The sync state of a cached row ("En attente de synchronisation"...), nothing when it is synced. */
export function SyncStateBadge({ state }: { state: SyncState }) {
  if (state === 'synced') return null;
  const link = links[state];
  return (
    <Group gap="xs">
      <Badge color={colors[state]} variant="outline" size="lg">
        {syncStateLabels[state]}
      </Badge>
      {link && (
        <Anchor component={Link} to={link.to} size="sm">
          {link.label}
        </Anchor>
      )}
    </Group>
  );
}
