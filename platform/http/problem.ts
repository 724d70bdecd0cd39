import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../shared/api/problem';
import { validationError } from '../../shared/ipc/errors';
import type { z } from '../../shared/zod';
import { isDatabaseUnavailable } from '../db/errors';

const titles: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Introuvable',
  405: 'Méthode non autorisée',
  408: 'Délai dépassé',
  409: 'Conflit',
  412: 'Version périmée',
  428: 'Version requise',
  413: 'Requête trop volumineuse',
  414: 'Adresse trop longue',
  415: 'Format non pris en charge',
  431: 'En-têtes trop volumineux',
  422: 'Demande impossible',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service indisponible',
};

/** Thrown by route handlers; answered as application/problem+json. */
export class ProblemError extends Error {
  /** On 412: the resource as it is now. */
  current: unknown = undefined;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors?: Array<{ field: string; detail: string }>,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }

  toProblem(): Problem {
    return {
      type: 'about:blank',
      title: titles[this.status] ?? 'Erreur',
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.current !== undefined ? { current: this.current } : {}),
    };
  }
}

/** A problem about one field, e.g. an unknown SIRET. */
export function fieldProblem(status: number, code: string, field: string, detail: string): ProblemError {
  return new ProblemError(status, code, detail, [{ field, detail }]);
}

export function sendProblem(reply: FastifyReply, problem: ProblemError): FastifyReply {
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.toProblem());
}

function fromValidation(error: FastifyError): ProblemError {
  // fastify-type-provider-zod keeps each zod issue's own fields in `params`.
  const issues = (error.validation ?? []).map((entry) => ({
    ...(entry.params as object),
    code: entry.keyword,
    message: entry.message ?? '',
    path: entry.instancePath.split('/').filter(Boolean),
  })) as unknown as z.core.$ZodIssue[];
  const appError = validationError(issues);
  return new ProblemError(
    400,
    'validation',
    appError.message,
    Object.entries(appError.fields ?? {}).map(([field, detail]) => ({ field, detail })),
  );
}

/** A route's path as a pattern of concrete paths (`:id` is one segment, `*` the rest). */
function pathPattern(url: string): RegExp {
  const source = url
    .split(/(:[^/]+|\*)/)
    .map((part) =>
      part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}/?$`);
}

/** Every error leaves the platform as problem+json with a French detail. */
export function installProblemHandlers(app: FastifyInstance): void {
  // The routes' paths and methods, so that a known path asked with another method is a 405.
  const routes: Array<{ pattern: RegExp; methods: string[] }> = [];
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    routes.push({ pattern: pathPattern(route.url), methods });
  });
  const allowedMethods = (path: string) =>
    [...new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))].sort();

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) return sendProblem(reply, fromValidation(error));
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(
          reply,
          new ProblemError(415, 'media_type', 'Le corps de la requête doit être du JSON (application/json).'),
        );
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendProblem(
          reply,
          new ProblemError(400, 'json', 'Le corps de la requête n’est pas un JSON valide.'),
        );
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, new ProblemError(413, 'too_large', 'La requête est trop volumineuse.'));
    }
    if (error.statusCode === 400 && error instanceof SyntaxError) {
      return sendProblem(
        reply,
        new ProblemError(400, 'json', 'Le corps de la requête n’est pas un JSON valide.'),
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(
        reply,
        new ProblemError(error.statusCode, 'bad_request', 'La requête est invalide.'),
      );
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn(error);
      return sendProblem(
        reply,
        new ProblemError(
          503,
          'database_unavailable',
          'La plateforme ne joint pas sa base de données pour le moment. Réessayez dans quelques secondes.',
          undefined,
          { 'Retry-After': '5' },
        ),
      );
    }
    request.log.error(error);
    return sendProblem(
      reply,
      new ProblemError(500, 'internal', 'Erreur interne de la plateforme. Réessayez plus tard.'),
    );
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = allowedMethods(path);
    // A hostile path may be huge: the detail names its start only.
    const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
    if (allowed.length > 0) {
      return sendProblem(
        reply,
        new ProblemError(
          405,
          'method_not_allowed',
          `La méthode ${request.method} n’est pas acceptée à l’adresse ${shown} (acceptées : ${allowed.join(', ')}).`,
          undefined,
          { Allow: allowed.join(', ') },
        ),
      );
    }
    return sendProblem(
      reply,
      new ProblemError(404, 'no_route', `Aucune ressource à l’adresse ${request.method} ${shown}.`),
    );
  });
}
