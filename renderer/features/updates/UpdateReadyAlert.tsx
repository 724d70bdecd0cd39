import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { messageOf } from '../../api/client';
import { usePostponeUpdate, useRestartToUpdate, useUpdateStatus } from './queries';

/**
 * « Une mise à jour est prête »: shown once downloaded and outside a sync run; never restarts
 * by itself. Unsent changes stay on disk, and the message says so.
 */
export function UpdateReadyAlert() {
  const { data: status } = useUpdateStatus();
  const restart = useRestartToUpdate();
  const later = usePostponeUpdate();
  const prompt = status?.prompt;
  if (!prompt) return null;
  return (
    <Alert color="blue" variant="outline" role="status" title={prompt.title} mb="md">
      <Stack gap="xs">
        <Text size="sm">{prompt.message}</Text>
        {restart.error && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {messageOf(restart.error)}
          </Text>
        )}
        <Group gap="sm">
          <Button size="xs" onClick={() => restart.mutate()} loading={restart.isPending}>
            Redémarrer pour mettre à jour
          </Button>
          <Button size="xs" variant="outline" onClick={() => later.mutate()} loading={later.isPending}>
            Plus tard
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
