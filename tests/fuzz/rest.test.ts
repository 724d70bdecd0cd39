import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemSchema } from '../../shared/api/problem';
import { STREAM_CONTENT_TYPE } from '../../shared/api/sync-stream';
import { DEMO_CANDIDATE } from '../../platform/seed/demo-candidates';
import { DEMO_GESTIONNAIRE, DEMO_REFERENT } from '../../platform/seed/demo';
import { usePlatform } from '../../platform/test-support';
import { fuzzParameters, fuzzRuns, hostileJson, hostileString } from './support/runs';
import { frenchDetailFault, hostileSegment, queryString, safeHeaderValue } from './support/rest';

/**
 * Every operation of the platform's OpenAPI document, read from the document itself (a new
 * endpoint is fuzzed without new test code), with hostile path parameters, query strings,
 * headers and JSON bodies, signed in or not: never a 5xx, every refusal a problem+json with a
 * French detail.
 */

const API = '/api/v1';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
}
interface Operation {
  method: Method;
  path: string;
  parameters: Parameter[];
  bodyKeys: string[] | undefined;
  /** Answers a stream that stays open (GET /sync/stream): read as a stream, never awaited whole. */
  streamed: boolean;
}
interface OpenApi {
  paths: Record<
    string,
    Partial<
      Record<
        Method,
        {
          parameters?: Parameter[];
          requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
          responses?: Record<string, { content?: Record<string, unknown> }>;
        }
      >
    >
  >;
}

// Limits high enough that the fuzz reaches the handlers rather than 429 (tested elsewhere).
const platform = usePlatform({
  seed: 'demo',
  limits: { registrations: 1e6, loginAttempts: 1e6, passwordFailuresPerAddress: 1e6 },
});

let operations: Operation[] = [];
const tokens: Record<string, string> = {};
/** Ids of the demo's own records, so that hostile bodies also reach the handlers behind a lookup. */
let knownIds: string[] = [];

async function post(url: string, payload: unknown) {
  const response = await platform().app.inject({
    method: 'POST',
    url: `${API}${url}`,
    payload: payload as never,
  });
  expect(response.statusCode).toBe(200);
  return response.json<Record<string, unknown>>();
}

function idsIn(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) idsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (/^(id|\w+Id)$/.test(key) && typeof item === 'string') found.add(item);
      else idsIn(item, found);
    }
  }
}

beforeAll(async () => {
  const doc = (await platform().app.inject({ method: 'GET', url: `${API}/openapi.json` })).json<OpenApi>();
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const body = operation.requestBody?.content?.['application/json']?.schema;
      return [
        {
          method,
          path,
          parameters: operation.parameters ?? [],
          bodyKeys: operation.requestBody ? Object.keys(body?.properties ?? {}) : undefined,
          streamed: operation.responses?.['200']?.content?.[STREAM_CONTENT_TYPE] !== undefined,
        },
      ];
    }),
  );
  for (const [name, account] of Object.entries({
    referent: DEMO_REFERENT,
    gestionnaire: DEMO_GESTIONNAIRE,
  })) {
    tokens[name] = (await post('/auth/login', { mail: account.mail, password: account.password }))
      .accessToken as string;
  }
  tokens.candidate = (
    await post('/candidates/login', { mail: DEMO_CANDIDATE.mail, password: DEMO_CANDIDATE.password })
  ).accessToken as string;
  const found = new Set<string>();
  for (const url of [
    '/offers',
    '/employers',
    '/applications',
    '/structure/members',
    '/favorites',
    '/alerts',
  ]) {
    const response = await platform().app.inject({
      method: 'GET',
      url: `${API}${url}`,
      headers: { authorization: `Bearer ${tokens.referent}` },
    });
    if (response.statusCode === 200) idsIn(response.json(), found);
  }
  knownIds = [...found].slice(0, 200);
}, 60_000);

/** A value for a path parameter: hostile, or the id of a real record. */
const pathValue = () =>
  fc.oneof(
    { weight: 3, arbitrary: hostileSegment() },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...(knownIds.length ? knownIds : ['x'])).map(encodeURIComponent),
    },
  );

/** A body shaped like the operation's (its keys, hostile values), or any hostile JSON. */
const jsonBody = (keys: string[]) =>
  fc.oneof(
    hostileJson(),
    keys.length
      ? fc
          .subarray(keys)
          .chain((chosen) =>
            fc
              .tuple(
                ...chosen.map(() => fc.oneof(hostileJson(), hostileString(), fc.integer(), fc.boolean())),
              )
              .map((values) => Object.fromEntries(chosen.map((key, i) => [key, values[i]]))),
          )
      : fc.constant({}),
  );

/** The payload and its Content-Type: JSON mostly, sometimes text that is not JSON or another format. */
const payload = (operation: Operation) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: jsonBody(operation.bodyKeys ?? []).map((body) => ({
        body: JSON.stringify(body) ?? 'null',
        type: 'application/json',
      })),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        body: hostileString(),
        type: fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
        ),
      }),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

const request = () =>
  fc.constantFrom(...operations).chain((operation) =>
    fc.record({
      operation: fc.constant(operation),
      path: fc.tuple(
        ...operation.parameters.filter((p) => p.in === 'path').map(() => pathValue()),
        fc.constant(''),
      ),
      query: fc.array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(
              ...operation.parameters.filter((p) => p.in === 'query').map((p) => p.name),
              'limit',
            ),
            hostileString(),
          ),
          hostileString(),
        ),
        { maxLength: 4 },
      ),
      headers: fc.array(
        fc.tuple(
          fc.constantFrom(
            ...operation.parameters.filter((p) => p.in === 'header').map((p) => p.name),
            'if-match',
          ),
          hostileString(),
        ),
        { maxLength: 2 },
      ),
      auth: fc.constantFrom('none', 'referent', 'gestionnaire', 'candidate', 'garbage'),
      payload: operation.bodyKeys || operation.method !== 'get' ? payload(operation) : fc.constant(undefined),
    }),
  );

async function text(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function urlOf(operation: Operation, values: string[]): string {
  let i = 0;
  return `${API}${operation.path.replace(/\{[^}]+\}/g, () => values[i++] ?? '')}`;
}

describe('every REST operation of the OpenAPI document, fuzzed', () => {
  // ~1.5 ms a request on an idle machine: the CI default takes about 10 s, more when loaded.
  const runs = fuzzRuns(6000);
  it(
    'never answers 5xx, and refuses with a French problem+json',
    { timeout: 60_000 + runs * 10 },
    async () => {
      expect(operations.length).toBeGreaterThan(40);
      await fc.assert(
        fc.asyncProperty(request(), async ({ operation, path, query, headers, auth, payload }) => {
          const url = urlOf(operation, path) + queryString(query);
          const sent: Record<string, string> = {};
          for (const [name, value] of headers) sent[name] = safeHeaderValue(value);
          if (auth === 'garbage') sent.authorization = 'Bearer eyJhbGciOiJub25lIn0.e30.';
          else if (auth !== 'none') sent.authorization = `Bearer ${tokens[auth]}`;
          if (payload) sent['content-type'] = payload.type;
          const response = await platform().app.inject({
            method: operation.method.toUpperCase() as Uppercase<Method>,
            url,
            headers: sent,
            ...(payload ? { payload: payload.body } : {}),
            ...(operation.streamed ? { payloadAsStream: true } : {}),
          });
          const where = `${operation.method.toUpperCase()} ${url.slice(0, 200)} → ${response.statusCode}`;
          if (operation.streamed && response.statusCode < 400) {
            // An open stream: its headers said enough; closing it is what a desktop going away does.
            response.raw.res.destroy();
            return;
          }
          const body = operation.streamed ? await text(response.stream()) : response.body;
          expect(response.statusCode, `${where} ${body.slice(0, 300)}`).toBeLessThan(500);
          if (response.statusCode < 400) return;
          expect(response.headers['content-type'], where).toMatch(/^application\/problem\+json/);
          const problem = problemSchema.parse(JSON.parse(body));
          expect(problem.status, where).toBe(response.statusCode);
          expect(frenchDetailFault(problem.detail), `${where}: ${problem.detail}`).toBeUndefined();
        }),
        fuzzParameters(runs),
      );
    },
  );
});
