import type { FastifyInstance } from 'fastify';
import { ProblemError } from './problem';

const NOT_JSON = () =>
  new ProblemError(415, 'media_type', 'Le corps de la requête doit être du JSON (application/json).');

/**
 * Bodies are JSON, but a request without one (an approval, a removal) is not refused for its
 * Content-Type: HTTP clients such as axios label an empty POST as a form. Any non-empty body
 * in another format than JSON (or text) is still refused with 415.
 */
export function acceptEmptyBodies(app: FastifyInstance): void {
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    if ((body as Buffer).length === 0) done(null, undefined);
    else done(NOT_JSON(), undefined);
  });
}
