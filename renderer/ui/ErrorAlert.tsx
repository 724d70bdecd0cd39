import { Alert, Button, Group, Text } from '@mantine/core';

interface Props {
  title?: string;
  message: string;
  /** Shows a "Réessayer" button. */
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failure the user must read, announced by screen readers (role="alert"). */
export function ErrorAlert({ title, message, onRetry, retrying }: Props) {
  return (
    <Alert color="red" variant="outline" role="alert" title={title}>
      <Group justify="space-between" wrap="nowrap" align="center">
        <Text size="sm">{message}</Text>
        {onRetry && (
          <Button variant="outline" color="red" size="xs" onClick={onRetry} loading={retrying ?? false}>
            Réessayer
          </Button>
        )}
      </Group>
    </Alert>
  );
}
