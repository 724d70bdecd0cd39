import type { FastifyRequest } from 'fastify';
import { API_BASE } from '../../shared/api/auth';
import { PROBLEM_CONTENT_TYPE, problemSchema, type Problem } from '../../shared/api/problem';
import { IDEMPOTENCY_KEY_HEADER, type PushMutation } from '../../shared/api/sync';
import type { PlatformApp } from '../context';
import { etag } from './versions';

type InjectResponse = Awaited<ReturnType<PlatformApp['inject']>>;

/** What a batch did, for the log line of the push (and the tests). */
export interface BatchSummary {
  applied: number;
  /** Position (0-based) and status of the mutation that stopped the batch, if one did. */
  refused?: { index: number; status: number };
}

/**
 * Whether `path` reaches exactly the route it names: the request line is parsed as a URL, so
 * `/offers/../sync/push` would arrive at `/sync/push` (a batch inside a batch) and `/./me` at
 * `/me`. Such a path is refused before anything is sent.
 */
export function isCanonicalPath(path: string): boolean {
  const full = `${API_BASE}${path}`;
  return new URL(full, 'http://plateforme.invalid').pathname === full;
}

/**
 * Runs the mutations of a batch one after the other, each as the very request its single REST
 * path would receive (same route, validation, rights, idempotency and problem answers: nothing
 * here decides anything about a mutation), and returns the results as JSON text, one per
 * mutation, in order. It stops at the first answer that is not a 2xx: that mutation is
 * `refused` with its problem, every later one `not_applied` and never sent.
 *
 * Each mutation commits in its own transaction with its Idempotency-Key (../sync/idempotency.ts):
 * a batch sent again after a lost answer, or after the platform stopped half-way, replays what
 * was committed and applies the rest once.
 */
export async function runBatch(
  app: PlatformApp,
  outer: FastifyRequest,
  mutations: readonly PushMutation[],
  now: () => Date,
): Promise<{ results: string[]; summary: BatchSummary }> {
  const results: string[] = [];
  const summary: BatchSummary = { applied: 0 };
  // The versions that later mutations are made on (`onTopOf`), read from those answers only.
  const referenced = new Set(mutations.flatMap((m) => (m.onTopOf === undefined ? [] : [m.onTopOf])));
  const versions = new Map<number, number | undefined>();
  for (const [index, mutation] of mutations.entries()) {
    if (summary.refused) {
      results.push('{"outcome":"not_applied"}');
      continue;
    }
    const baseVersion =
      mutation.onTopOf === undefined ? mutation.baseVersion : versions.get(mutation.onTopOf);
    if (mutation.onTopOf !== undefined && baseVersion === undefined) {
      summary.refused = { index, status: 400 };
      results.push(JSON.stringify({ outcome: 'refused', status: 400, problem: NO_VERSION }));
      continue;
    }
    const response = await dispatch(app, outer, { ...mutation, baseVersion }).catch((error: unknown) => {
      // The platform is stopping (a restart, a new version): it takes no new request, and the
      // batch stops here as a transient refusal; nothing after this mutation was run.
      if (isClosing(error)) return STOPPING;
      throw error;
    });
    if (response.statusCode >= 200 && response.statusCode < 300) {
      summary.applied += 1;
      const data = dataOf(response);
      if (referenced.has(index)) versions.set(index, versionOf(data));
      results.push(`{"outcome":"applied","status":${response.statusCode},"data":${data}}`);
    } else {
      summary.refused = { index, status: response.statusCode };
      results.push(refusal(response, now()));
    }
  }
  return { results, summary };
}

/** The mutation as its single request, with the caller's own credentials and address. */
function dispatch(app: PlatformApp, outer: FastifyRequest, mutation: PushMutation): Promise<InjectResponse> {
  const headers: Record<string, string> = { [IDEMPOTENCY_KEY_HEADER]: mutation.idempotencyKey };
  // Same token, hence the same rights as the single path: a batch opens nothing more.
  if (outer.headers.authorization) headers.authorization = outer.headers.authorization;
  if (outer.headers['user-agent']) headers['user-agent'] = outer.headers['user-agent'];
  if (mutation.baseVersion !== undefined) headers['if-match'] = etag(mutation.baseVersion);
  return app.inject({
    method: mutation.method,
    url: `${API_BASE}${mutation.path}`,
    headers,
    // The limits per address (sign-in attempts…) count the caller's address, not the platform's.
    remoteAddress: outer.ip,
    ...(mutation.body === undefined ? {} : { payload: mutation.body as Record<string, unknown> }),
  });
}

const isClosing = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'FST_ERR_REOPENED_CLOSE_SERVER';

/** The answer of a mutation that came while the platform was stopping. */
const STOPPING = {
  statusCode: 503,
  headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'retry-after': '1' },
  payload: JSON.stringify({
    type: 'about:blank',
    title: 'Service indisponible',
    status: 503,
    detail: 'La plateforme redémarre : la modification sera renvoyée dans un instant.',
    code: 'platform_stopping',
  } satisfies Problem),
} as unknown as InjectResponse;

/** The version an applied mutation's answer carries (the row as it is now), if it has one. */
function versionOf(data: string): number | undefined {
  const version = (JSON.parse(data) as { version?: unknown } | null)?.version;
  return Number.isInteger(version) ? (version as number) : undefined;
}

/** `onTopOf` names a mutation whose answer carries no version (a deletion, an action). */
const NO_VERSION: Problem = {
  type: 'about:blank',
  title: 'Requête invalide',
  status: 400,
  detail: 'La modification « onTopOf » désignée ne donne pas de version sur laquelle appliquer celle-ci.',
  errors: [{ field: 'onTopOf', detail: 'La modification désignée ne donne pas de version.' }],
};

function isJson(response: InjectResponse): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/.test(String(response.headers['content-type'] ?? ''));
}

/** The answer's body as JSON text: the route already serialised it, it is not parsed again. */
function dataOf(response: InjectResponse): string {
  if (response.payload === '') return 'null';
  return isJson(response) ? response.payload : JSON.stringify(response.payload);
}

function refusal(response: InjectResponse, now: Date): string {
  const retryAfter = retryAfterSeconds(response.headers['retry-after'], now);
  return JSON.stringify({
    outcome: 'refused',
    status: response.statusCode,
    problem: problemOf(response),
    ...(retryAfter === undefined ? {} : { retryAfter }),
  });
}

/** Every refusal of the platform is a problem; anything else is described as one. */
function problemOf(response: InjectResponse): Problem {
  if (String(response.headers['content-type'] ?? '').startsWith(PROBLEM_CONTENT_TYPE)) {
    try {
      const parsed = problemSchema.safeParse(JSON.parse(response.payload));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON after all: described below.
    }
  }
  return {
    type: 'about:blank',
    title: 'Erreur',
    status: response.statusCode,
    detail: `La plateforme a répondu ${response.statusCode} à cette modification.`,
  };
}

/** `Retry-After` in seconds, whether it came as seconds or as an HTTP date. */
function retryAfterSeconds(header: string | string[] | number | undefined, now: Date): number | undefined {
  if (header === undefined) return undefined;
  const value = String(Array.isArray(header) ? header[0] : header).trim();
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}
