import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE } from '../../shared/api/problem';
import { ProblemError, sendProblem } from './problem';

/**
 * The router's refusals, before any route or error handler runs (fastify's `frameworkErrors`):
 * without this, they leave as fastify's own English JSON.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  switch (error.code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      void sendProblem(
        reply,
        new ProblemError(414, 'uri_too_long', 'Un paramètre de l’adresse de la requête est trop long.'),
      );
      return;
    case 'FST_ERR_BAD_URL':
      void sendProblem(
        reply,
        new ProblemError(
          400,
          'bad_url',
          'L’adresse de la requête est mal encodée (séquence « % » invalide).',
        ),
      );
      return;
    default:
      void sendProblem(reply, new ProblemError(400, 'bad_request', 'La requête est invalide.'));
  }
}

/**
 * What Node's HTTP parser refuses (malformed request line, headers too large, timeout) is
 * answered on the socket itself, fastify never seeing a request: as a problem too.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'La requête a mis trop de temps à arriver.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Les en-têtes de la requête sont trop volumineux.']
        : [400, 'La requête HTTP est mal formée.'];
  const body = JSON.stringify(new ProblemError(status, 'bad_request', detail).toProblem());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
