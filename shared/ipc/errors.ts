import { z } from '../zod';
import { labelOf } from '../domain/labels';

export const errorCodes = [
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'offline',
  'platform',
  'database',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  /** French, for the user. */
  message: z.string(),
  /** Field path ("mail", "address.postalCode") → French message shown under that field. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

/** An error meant for the user; crosses IPC and HTTP as plain data. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  toData(): AppErrorData {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }

  static from(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.fields);
  }
}

/** The key of errors about the payload as a whole (not an object, for instance). */
export const ROOT_FIELD = '(racine)';

/** First message per field path, the way forms show them. */
export function fieldsFromIssues(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  // Defined, not assigned: a key sent as "__proto__" would otherwise set the object's prototype
  // and vanish from the answer, leaving a refusal that names no field.
  const first = (path: string, message: string) => {
    if (!Object.hasOwn(fields, path))
      Object.defineProperty(fields, path, {
        value: message,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  };
  for (const issue of issues) {
    const prefix = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      // Name each unexpected key as a field of its own, so the message says which one.
      for (const key of issue.keys)
        first(prefix ? `${prefix}.${key}` : key, `Champ non reconnu : « ${key} ».`);
      continue;
    }
    first(prefix || ROOT_FIELD, issue.message);
  }
  return fields;
}

/** A validation failure whose message names the fields in French. */
export function validationError(issues: readonly z.core.$ZodIssue[]): AppError {
  const fields = fieldsFromIssues(issues);
  const names = Object.keys(fields).map((path) => (path === ROOT_FIELD ? 'données' : `« ${labelOf(path)} »`));
  const first = Object.values(fields)[0] ?? '';
  const message =
    names.length === 1
      ? `Saisie invalide (${names[0]}) : ${first}`
      : `Saisie invalide : ${names.join(', ')}.`;
  return new AppError('validation', message, fields);
}
