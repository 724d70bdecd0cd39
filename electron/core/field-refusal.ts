import { AppError } from '../../shared/ipc/errors';

/** A refusal about one field, in the platform's words: the same sentence above the form and under the field. */
export function fieldRefusal(field: string, message: string): AppError {
  return new AppError('validation', message, { [field]: message });
}
