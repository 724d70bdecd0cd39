import { Badge, Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useConnectivity } from '../session/queries';
import { RelativeTime } from '../../ui/RelativeTime';

/** "En ligne" / "Hors ligne", announced politely when it changes. */
export function ConnectivityIndicator() {
  const queryClient = useQueryClient();
  const connectivity = useConnectivity();
  const check = useMutation({
    mutationFn: () => call('connectivity.check'),
    onSuccess: (state) => queryClient.setQueryData(queryKeys.connectivity, state),
  });
  const state = connectivity.data?.state ?? 'unknown';
  const lastContact = connectivity.data?.lastContactAt;
  const label = state === 'online' ? 'En ligne' : state === 'offline' ? 'Hors ligne' : 'Connexion…';
  const color = state === 'online' ? 'teal.9' : state === 'offline' ? 'red.9' : 'gray.8';

  return (
    <Group gap="xs" wrap="nowrap">
      <Badge
        role="status"
        aria-live="polite"
        aria-label={`État de la connexion : ${label}`}
        color={color}
        variant="outline"
        size="lg"
      >
        {label}
      </Badge>
      {state === 'offline' && (
        <>
          {lastContact && (
            <Text size="xs" visibleFrom="sm">
              Dernier contact : <RelativeTime at={lastContact} />
            </Text>
          )}
          <Button size="compact-sm" variant="subtle" loading={check.isPending} onClick={() => check.mutate()}>
            Réessayer la connexion
          </Button>
        </>
      )}
    </Group>
  );
}
