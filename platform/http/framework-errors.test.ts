import type { InjectOptions } from 'fastify';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { problemSchema } from '../../shared/api/problem';
import { expectProblem, usePlatform } from '../test-support';

const platform = usePlatform();

type Request = InjectOptions;
const send = (request: Request) => platform().app.inject(request);

describe('the framework’s own refusals, as French problems', () => {
  it.each<[string, Request, number, RegExp]>([
    [
      'an over-long path parameter',
      { method: 'GET', url: `/api/v1/offers/${'a'.repeat(200)}` },
      414,
      /^Un paramètre de l’adresse de la requête est trop long\.$/,
    ],
    [
      'a path that is not valid percent-encoding',
      { method: 'GET', url: '/api/v1/offers/%E0%A4%A' },
      400,
      /mal encodée/,
    ],
    [
      'an unknown route',
      { method: 'GET', url: '/api/v1/inconnue' },
      404,
      /^Aucune ressource à l’adresse GET/,
    ],
    [
      'a body that is not JSON',
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: '{pas du json',
        headers: { 'content-type': 'application/json' },
      },
      400,
      /n’est pas un JSON valide/,
    ],
    [
      'a body over the limit',
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: `"${'x'.repeat(1_100_000)}"`,
        headers: { 'content-type': 'application/json' },
      },
      413,
      /trop volumineuse/,
    ],
    [
      'a form-encoded body',
      {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: 'mail=a',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      415,
      /doit être du JSON/,
    ],
  ])('answers %s', async (_what, request, status, detail) => {
    const problem = expectProblem(await send(request), status);
    expect(problem.detail).toMatch(detail);
    expect(problem.title).not.toBe('Erreur');
  });

  it('answers a known path asked with another method with 405 and Allow', async () => {
    const response = await send({ method: 'PUT', url: '/api/v1/auth/login' });
    const problem = expectProblem(response, 405);
    expect(problem.code).toBe('method_not_allowed');
    expect(problem.detail).toBe(
      'La méthode PUT n’est pas acceptée à l’adresse /api/v1/auth/login (acceptées : POST).',
    );
    expect(response.headers.allow).toBe('POST');
    // Path parameters too.
    const offer = await send({ method: 'PUT', url: '/api/v1/offers/00000000-0000-4000-8000-000000000000' });
    expect(expectProblem(offer, 405).detail).toMatch(/acceptées : .*GET/);
  });

  it('names only the start of a huge unknown path', async () => {
    const problem = expectProblem(await send({ method: 'GET', url: `/api/v1/${'x'.repeat(5000)}` }), 404);
    expect(problem.detail.length).toBeLessThan(300);
  });

  it('answers what the HTTP parser refuses as a problem, on the socket', async () => {
    const base = new URL(await platform().listen(0));
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(base.port), base.hostname);
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('utf8')));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      socket.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/Content-Type: application\/problem\+json/);
    const problem = problemSchema.parse(JSON.parse(body!));
    expect(problem).toMatchObject({ status: 400, detail: 'La requête HTTP est mal formée.' });
  });
});
