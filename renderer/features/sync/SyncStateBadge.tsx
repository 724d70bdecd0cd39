import { Anchor, Badge, Group } from '@mantine/core';
import { Link } from 'react-router';
import { syncStateLabels, type SyncState } from '../../../shared/domain/sync';
import { SUCCESS_COLOR, WARNING_COLOR } from '../../ui/colors';

const colors: Record<SyncState, string> = {
  synced: SUCCESS_COLOR,
  pending: WARNING_COLOR,
  parked: 'red.9',
  conflict: 'red.9',
};
const links: Partial<Record<SyncState, { to: string; label: string }>> = {
  conflict: { to: '/synchronisation/conflits', label: 'Résoudre le conflit' },
  parked: { to: '/synchronisation/refus', label: 'Voir la modification refusée' },
};

/**
 * The sync state of a cached row ("En attente de synchronisation"...), nothing when it is synced.
 * In tables (`size="sm"`) the label wraps instead of being cut short.
 */
export function SyncStateBadge({ state, size = 'lg' }: { state: SyncState; size?: 'sm' | 'lg' }) {
  if (state === 'synced') return null;
  const link = links[state];
  return (
    <Group gap="xs">
      <Badge
        color={colors[state]}
        variant="outline"
        size={size}
        styles={size === 'sm' ? { root: { height: 'auto' }, label: { whiteSpace: 'normal' } } : undefined}
      >
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
