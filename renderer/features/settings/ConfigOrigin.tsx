import { Badge, Group, Text } from '@mantine/core';
import { configSourceLabels, type ConfigKey, type ConfigView } from '../../../shared/domain/config';

/** Where a setting's value comes from, and whether the administrator locked it. */
export function ConfigOrigin({ view, field }: { view: ConfigView; field: ConfigKey }) {
  const entry = view.values[field];
  return (
    <Group gap="xs">
      {entry.locked && (
        <Badge color="gray.8" variant="outline" size="sm">
          Imposé par votre administrateur
        </Badge>
      )}
      <Text size="xs" c="dimmed">
        {configSourceLabels[entry.source]}
      </Text>
    </Group>
  );
}
