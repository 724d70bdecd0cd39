import type { UseFormReturnType } from '@mantine/form';
import { createElement, type ReactNode } from 'react';
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
 * A checkbox's error, linked to it with `aria-describedby` (Mantine does it for text fields
 * only): the message is wrapped in an element carrying the id.
 */
export function checkboxError(path: string, error: ReactNode) {
  const invalid = error !== undefined && error !== null && error !== false && error !== '';
  const errorId = `${path}-error`;
  return {
    error: invalid ? createElement('span', { id: errorId }, error) : undefined,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? errorId : undefined,
  };
}

/**
 * Mantine's input props plus `aria-invalid`, which Mantine only renders as a data attribute;
 * checkboxes also get their error linked with `aria-describedby`.
 */
export function fieldProps<T>(form: UseFormReturnType<T>, path: string, options?: { type: 'checkbox' }) {
  const props = form.getInputProps(path, options);
  const error = form.errors[path];
  if (options?.type === 'checkbox') return { ...props, ...checkboxError(path, error) };
  const invalid = error !== undefined && error !== null && error !== false;
  return { ...props, 'aria-invalid': invalid || undefined };
}

/**
 * The same refusal with the fields of one nested input named as the form names them: a channel
 * taking `{ profileId, contact: { offerId } }` refuses `contact.offerId`, the form has `offerId`.
 */
export function fieldsUnder(error: unknown, prefix: string): unknown {
  if (!(error instanceof AppError) || !error.fields) return error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([field, message]) => [
      field.startsWith(`${prefix}.`) ? field.slice(prefix.length + 1) : field,
      message,
    ]),
  );
  return new AppError(error.code, error.message, fields);
}
