import { AxiosError, AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { z } from '../../../shared/zod';
import { PlatformClient } from './client';

type Route = (config: InternalAxiosRequestConfig) => { status: number; data?: unknown } | 'network';

/** An axios adapter answering from a function, recording each request. */
function fakePlatform(route: Route) {
  const requests: Array<{ url: string; auth: string | undefined; body: unknown }> = [];
  const adapter: AxiosAdapter = async (config) => {
    const auth = AxiosHeaders.from(config.headers).get('Authorization');
    requests.push({
      url: config.url ?? '',
      auth: typeof auth === 'string' ? auth : undefined,
      body: config.data ? JSON.parse(config.data as string) : undefined,
    });
    const answer = route(config);
    if (answer === 'network') throw new AxiosError('connect ECONNREFUSED', 'ECONNREFUSED', config);
    const response = { status: answer.status, statusText: '', data: answer.data, headers: {}, config };
    if (answer.status >= 400)
      throw new AxiosError(`status ${answer.status}`, 'ERR_BAD_REQUEST', config, null, response);
    return response;
  };
  return { adapter, requests };
}

const problem = (status: number, detail: string, errors?: Array<{ field: string; detail: string }>) => ({
  status,
  data: { type: 'about:blank', title: 't', status, detail, ...(errors ? { errors } : {}) },
});
const pair = (n: number) => ({
  status: 200,
  data: { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, accessTokenExpiresIn: 900 },
});
const me = z.object({ id: z.string() });

function client(route: Route) {
  const platform = fakePlatform(route);
  const stored: Array<string | null> = [];
  const reachability: boolean[] = [];
  const c = new PlatformClient({
    baseUrl: 'http://plateforme.test',
    adapter: platform.adapter,
    onRefreshToken: (token) => void stored.push(token),
    onReachability: (ok) => reachability.push(ok),
  });
  return { c, requests: platform.requests, stored, reachability };
}

describe('PlatformClient', () => {
  it('refreshes the access token once on 401, retries once, and keeps the rotated refresh token', async () => {
    let refreshes = 0;
    const { c, requests, stored } = client((config) => {
      if (config.url === '/auth/refresh') return pair(++refreshes);
      const auth = AxiosHeaders.from(config.headers).get('Authorization');
      return auth === 'Bearer access-2' ? { status: 200, data: { id: 'u1' } } : problem(401, 'expiré');
    });
    c.resume('refresh-0');
    // No access token after a restart: one refresh first (access-1), which the platform refuses: a second one.
    await expect(c.call({ method: 'GET', path: '/me', auth: true, schema: me })).resolves.toEqual({
      id: 'u1',
    });
    expect(refreshes).toBe(2);
    expect(requests.filter((r) => r.url === '/me').map((r) => r.auth)).toEqual([
      'Bearer access-1',
      'Bearer access-2',
    ]);
    expect(requests.filter((r) => r.url === '/auth/refresh').map((r) => r.body)).toEqual([
      { refreshToken: 'refresh-0' },
      { refreshToken: 'refresh-1' },
    ]);
    expect(stored).toEqual(['refresh-1', 'refresh-2']);
  });

  it('does not loop when the retried request is refused again', async () => {
    let refreshes = 0;
    const { c } = client((config) =>
      config.url === '/auth/refresh' ? pair(++refreshes) : problem(401, 'Jeton refusé'),
    );
    c.resume('refresh-0');
    await expect(c.call({ method: 'GET', path: '/me', auth: true, schema: me })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(refreshes).toBeLessThanOrEqual(2);
  });

  it('shares one refresh between concurrent calls', async () => {
    let refreshes = 0;
    const { c } = client((config) =>
      config.url === '/auth/refresh' ? pair(++refreshes) : { status: 200, data: { id: 'u1' } },
    );
    c.resume('refresh-0');
    await Promise.all([1, 2, 3].map(() => c.call({ method: 'GET', path: '/me', auth: true, schema: me })));
    expect(refreshes).toBe(1);
  });

  it('ends the session when the refresh token is refused', async () => {
    const { c, stored } = client((config) =>
      config.url === '/auth/refresh' ? problem(401, 'Session expirée') : { status: 200, data: {} },
    );
    c.resume('refresh-0');
    await expect(c.call({ method: 'GET', path: '/me', auth: true, schema: me })).rejects.toMatchObject({
      code: 'unauthorized',
      message: 'Votre session a expiré : reconnectez-vous.',
    });
    expect(stored).toEqual([null]);
    expect(c.hasSession()).toBe(false);
  });

  it('says "offline" in French when the platform does not answer, and reports it', async () => {
    const { c, reachability } = client(() => 'network');
    const error = await c
      .call({ method: 'GET', path: '/health', schema: z.unknown() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'offline', message: expect.stringContaining('injoignable') });
    expect(reachability).toEqual([false]);
  });

  it('keeps the platform’s French detail and per-field errors', async () => {
    const { c, reachability } = client(() =>
      problem(404, 'Aucun établissement trouvé pour ce Siret', [
        { field: 'siret', detail: 'Aucun établissement trouvé pour ce Siret' },
      ]),
    );
    await expect(
      c.call({ method: 'GET', path: '/companies/44306184100013', schema: z.unknown() }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: 'Aucun établissement trouvé pour ce Siret',
      fields: { siret: 'Aucun établissement trouvé pour ce Siret' },
    });
    expect(reachability).toEqual([true]);
  });

  it('refuses an answer that does not match the contract', async () => {
    const { c } = client(() => ({ status: 200, data: { pas: 'attendu' } }));
    await expect(c.call({ method: 'GET', path: '/me', schema: me })).rejects.toMatchObject({
      code: 'platform',
    });
  });
});
