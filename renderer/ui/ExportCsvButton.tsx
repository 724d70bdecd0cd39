import { Button, Stack, type ButtonProps } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { messageOf } from '../api/client';
import { ErrorAlert } from './ErrorAlert';

/** "Exporter en CSV" for a list (DESIGN.md §6: every list can be): the file, or why not. */
export function ExportCsvButton({
  run,
  label,
  size,
}: {
  run: () => Promise<void>;
  label?: string;
  size?: ButtonProps['size'];
}) {
  const exporting = useMutation({ mutationFn: run });
  return (
    <Stack gap={4} align="flex-end">
      <Button
        variant="outline"
        size={size}
        loading={exporting.isPending}
        onClick={() => exporting.mutate()}
        aria-label={label}
      >
        Exporter en CSV
      </Button>
      {exporting.error && <ErrorAlert message={messageOf(exporting.error)} />}
    </Stack>
  );
}
