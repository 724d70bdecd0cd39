import type { UseFormReturnType } from '@mantine/form';
import { AppError } from '../../shared/ipc/errors';

/**
 * Puts the field errors of a refused call under their fields; returns the message to show
 * above the form when the error is not about a field the form has (or null).
 */
export function applyFieldErrors<T>(
  form: UseFormReturnType<T>,
  error: unknown,
  formFields: readonly string[],
): string | null {
  if (!(error instanceof AppError)) return 'Une erreur inattendue est survenue.';
  const own = Object.entries(error.fields ?? {}).filter(([field]) => formFields.includes(field));
  if (own.length > 0) {
    form.setErrors(Object.fromEntries(own));
    return own.length === Object.keys(error.fields ?? {}).length ? null : error.message;
  }
  return error.message;
}

/**
 * Mantine's input props plus `aria-invalid`, which Mantine only renders as a data attribute;
 * checkboxes also get their error linked with `aria-describedby`.
 */
export function fieldProps<T>(form: UseFormReturnType<T>, path: string, options?: { type: 'checkbox' }) {
  const props = form.getInputProps(path, options);
  const error = form.errors[path];
  const invalid = error !== undefined && error !== null && error !== false;
  if (options?.type !== 'checkbox') return { ...props, 'aria-invalid': invalid || undefined };
  const errorId = `${path}-error`;
  return {
    ...props,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? errorId : undefined,
    errorProps: { id: errorId },
  };
}
