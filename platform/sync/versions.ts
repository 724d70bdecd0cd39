import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../http/problem';

/**
 * The version an update was made on, from `If-Match: "3"` (or `3`). Every update of a synced
 * resource must say it: without it a stale desktop would overwrite newer data silently.
 */
export function requiredIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined) {
    throw new ProblemError(
      428,
      'if_match_required',
      'En-tête If-Match obligatoire : indiquez la version sur laquelle la modification a été faite.',
    );
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(String(header).trim());
  if (!match)
    throw new ProblemError(400, 'if_match', 'En-tête If-Match invalide : la version attendue est un entier.');
  return Number(match[1]);
}

/** 412 with the resource as it is now, so the client can merge field by field. */
export function staleVersion(what: string, current: unknown): ProblemError {
  const problem = new ProblemError(
    412,
    'version_mismatch',
    `${what} a été modifié(e) entre-temps sur la plateforme.`,
  );
  problem.current = current;
  return problem;
}

export function etag(version: number): string {
  return `"${version}"`;
}
