import type { AppErrorData } from '../../shared/ipc/errors';

const MEGABYTE = 1_048_576;

/**
 * The envelope of an error the framework raised before our handler ran (a body too large,
 * an unknown content type, a malformed JSON…): the right code and a French message, never
 * `internal` for what is the client's doing.
 */
export function hostErrorEnvelope(
  statusCode: number | undefined,
  bodyLimit: number,
): { status: number; error: AppErrorData } {
  const status = statusCode && statusCode >= 400 && statusCode < 600 ? statusCode : 500;
  switch (status) {
    case 400:
      return {
        status,
        error: { code: 'validation', message: 'Le corps de la requête n’est pas un JSON valide.' },
      };
    case 404:
      return { status, error: { code: 'not_found', message: 'Introuvable.' } };
    case 405:
      return { status, error: { code: 'validation', message: 'Méthode non autorisée pour cette adresse.' } };
    case 413:
      return {
        status,
        error: {
          code: 'validation',
          message: `Le corps de la requête est trop volumineux (${Math.round(bodyLimit / MEGABYTE)} Mo au plus).`,
        },
      };
    case 414:
    case 431:
      return {
        status,
        error: { code: 'validation', message: 'L’adresse ou les en-têtes de la requête sont trop longs.' },
      };
    case 415:
      return {
        status,
        error: {
          code: 'validation',
          message: 'Type de contenu non pris en charge : le corps doit être du JSON (application/json).',
        },
      };
    default:
      return status < 500
        ? { status, error: { code: 'validation', message: 'Requête invalide.' } }
        : { status: 500, error: { code: 'internal', message: 'Erreur interne de l’hôte web.' } };
  }
}

/**
 * Where to send the browser once the token in the address became a cookie: the same path on
 * this host. Leading slashes (and backslashes, which browsers read as slashes) collapse to one,
 * so `/.//evil.example/` cannot become the protocol-relative `//evil.example/`.
 */
export function sameHostLocation(pathname: string, search: string): string {
  return `/${pathname.replace(/^[/\\]+/, '')}${search}`;
}
