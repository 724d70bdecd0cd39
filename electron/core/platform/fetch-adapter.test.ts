import { describe, expect, it } from 'vitest';
import { z } from '../../../shared/zod';
import { PlatformClient } from './client';
import { isNetworkFailure } from './errors';
import { fetchAdapter, type FetchLike } from './fetch-adapter';
import axios from 'axios';

interface Seen {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

/** A fetch that records what it was given and answers `respond`. */
function fakeFetch(respond: (seen: Seen, signal: AbortSignal | null) => Promise<Response>) {
  const seen: Seen[] = [];
  const fetchImpl: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const entry = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: request.body ? await request.text() : '',
    };
    seen.push(entry);
    return respond(entry, init?.signal ?? request.signal);
  };
  return { fetchImpl, seen };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

describe('fetchAdapter', () => {
  it('sends method, headers and body through the given fetch, and parses the answer', async () => {
    const { fetchImpl, seen } = fakeFetch(async () => json({ ok: true, id: 7 }, 201));
    const client = new PlatformClient({
      baseUrl: 'https://plateforme.example.fr',
      adapter: fetchAdapter(fetchImpl),
    });
    const data = await client.call({
      method: 'POST',
      path: '/offers',
      body: { title: 'Boulanger' },
      params: { limit: 5 },
      headers: { 'Idempotency-Key': 'k-1' },
      schema: z.object({ ok: z.boolean(), id: z.number() }),
    });
    expect(data).toEqual({ ok: true, id: 7 });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('https://plateforme.example.fr/api/v1/offers?limit=5');
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.get('idempotency-key')).toBe('k-1');
    expect(seen[0]?.headers.get('content-type')).toMatch(/application\/json/);
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ title: 'Boulanger' });
  });

  it('an HTTP error keeps its status and problem (the sync engine decides on them)', async () => {
    const { fetchImpl } = fakeFetch(async () =>
      json({ type: 'about:blank', title: 'Conflit', status: 409, detail: 'Modifiée entre-temps.' }, 409, {
        'Content-Type': 'application/problem+json',
        'Retry-After': '30',
      }),
    );
    const client = new PlatformClient({ baseUrl: 'https://p.example.fr', adapter: fetchAdapter(fetchImpl) });
    const outcome = await client.exchange({ method: 'PATCH', path: '/structure', body: {} });
    expect(outcome).toMatchObject({ kind: 'http', status: 409, retryAfterMs: 30_000 });
  });

  it('a fetch that fails (proxy refused, DNS...) is a network failure, not an HTTP answer', async () => {
    const { fetchImpl } = fakeFetch(async () => {
      throw new TypeError('fetch failed');
    });
    const reach: boolean[] = [];
    const client = new PlatformClient({
      baseUrl: 'https://p.example.fr',
      adapter: fetchAdapter(fetchImpl),
      onReachability: (reachable) => reach.push(reachable),
    });
    expect(await client.exchange({ method: 'GET', path: '/health' })).toMatchObject({ kind: 'network' });
    expect(reach).toEqual([false]);
  });

  it('times out through the abort signal, as a network failure', async () => {
    const { fetchImpl } = fakeFetch(
      (_seen, signal) =>
        new Promise<Response>((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason as Error));
        }),
    );
    const http = axios.create({ adapter: fetchAdapter(fetchImpl), timeout: 20 });
    const error: unknown = await http.get('https://p.example.fr/slow').catch((caught: unknown) => caught);
    expect(axios.isAxiosError(error)).toBe(true);
    expect(isNetworkFailure(error)).toBe(true);
  });

  it('a cancelled request stays a cancellation (not reported as offline)', async () => {
    const { fetchImpl } = fakeFetch(
      (_seen, signal) =>
        new Promise<Response>((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason as Error));
        }),
    );
    const controller = new AbortController();
    const http = axios.create({ adapter: fetchAdapter(fetchImpl) });
    const pending = http
      .get('https://p.example.fr/slow', { signal: controller.signal })
      .catch((e: unknown) => e);
    controller.abort();
    const error = await pending;
    expect(axios.isCancel(error)).toBe(true);
    expect(isNetworkFailure(error)).toBe(false);
  });
});
