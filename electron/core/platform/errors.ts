import { AxiosError } from 'axios';
import { problemSchema } from '../../../shared/api/problem';
import { AppError, type ErrorCode } from '../../../shared/ipc/errors';

export const PLATFORM_UNREACHABLE =
  'La plateforme est injoignable. Vérifiez votre connexion internet, puis réessayez.';

/** True when the request never got an HTTP answer (refused, unreachable, timed out...). */
export function isNetworkFailure(error: unknown): boolean {
  return (
    error instanceof AxiosError && error.response === undefined && error.code !== AxiosError.ERR_CANCELED
  );
}

function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate_limited';
  return 'platform';
}

/** Any failure of a platform request, as an error the user can read. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof AxiosError)) {
    return new AppError(
      'internal',
      'Une erreur inattendue est survenue lors de l’échange avec la plateforme.',
    );
  }
  if (!error.response) return new AppError('offline', PLATFORM_UNREACHABLE);
  const { status, data } = error.response;
  const problem = problemSchema.safeParse(data);
  if (!problem.success) {
    return new AppError(
      codeForStatus(status),
      status >= 500
        ? `La plateforme rencontre un problème (erreur ${status}). Réessayez dans quelques minutes.`
        : `La plateforme a refusé la demande (erreur ${status}).`,
    );
  }
  const fields = problem.data.errors?.length
    ? Object.fromEntries(problem.data.errors.map((e) => [e.field, e.detail]))
    : undefined;
  return new AppError(codeForStatus(status), problem.data.detail, fields);
}
