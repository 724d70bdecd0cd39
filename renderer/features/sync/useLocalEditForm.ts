import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, useState } from 'react';
import type { SyncState } from '../../../shared/domain/sync';
import type { z } from '../../../shared/zod';
import { applyFieldErrors } from '../../ui/forms';
import { notifySavedLocally } from './savedLocally';

interface Options<
  Row extends { version: number; syncState: SyncState },
  Values extends Record<string, unknown>,
> {
  /** The cached row the form edits. */
  row: Row;
  toValues: (row: Row) => Values;
  schema: z.ZodObject;
  /** Saves locally (the sync engine sends it); answers the row as now cached. */
  save: (values: Values) => Promise<Row>;
  onSaved?: (row: Row) => void | Promise<void>;
}

/**
 * A form over a synced row: validated with the shared schema, saved locally at once (online or
 * not), and refreshed when a newer version arrives, unless the user is typing.
 */
export function useLocalEditForm<
  Row extends { version: number; syncState: SyncState },
  Values extends Record<string, unknown>,
>({ row, toValues, schema, save, onSaved }: Options<Row, Values>) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: toValues(row),
    validate: zod4Resolver(schema),
    validateInputOnBlur: true,
  });

  useEffect(() => {
    if (form.isDirty()) return;
    form.setInitialValues(toValues(row));
    form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the version identifies the content
  }, [row.version, row.syncState]);

  const mutation = useMutation({
    mutationFn: save,
    onMutate: () => setFailure(null),
    onSuccess: async (saved) => {
      form.setInitialValues(toValues(saved));
      form.reset();
      await onSaved?.(saved);
      notifySavedLocally(queryClient);
    },
    onError: (error) => setFailure(applyFieldErrors(form, error, Object.keys(schema.shape))),
  });

  return { form, failure, mutation, submit: form.onSubmit((values) => mutation.mutate(values)) };
}
