import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import type { z } from '../../shared/zod';
import { applyFieldErrors } from './forms';

interface Options<Values extends Record<string, unknown>, Result> {
  initialValues: Values;
  schema: z.ZodType;
  submit: (values: Values) => Promise<Result>;
  onSuccess?: (result: Result, values: Values) => void | Promise<void>;
}

/**
 * A form validated with its shared schema and sent as one call: the refusal's field errors go
 * under their fields, any other message above the form (`failure`).
 */
export function useSubmitForm<Values extends Record<string, unknown>, Result>({
  initialValues,
  schema,
  submit,
  onSuccess,
}: Options<Values, Result>) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues, validate: zod4Resolver(schema), validateInputOnBlur: true });
  const mutation = useMutation({
    mutationFn: submit,
    onMutate: () => setFailure(null),
    onSuccess: async (result, values) => {
      form.reset();
      await onSuccess?.(result, values);
    },
    onError: (error) => setFailure(applyFieldErrors(form, error, Object.keys(initialValues))),
  });
  return { form, failure, mutation, onSubmit: form.onSubmit((values) => mutation.mutate(values)) };
}
