import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../core/create-core';
import { createNodeCore } from './node-core';
import { startHost, type Host } from './server';

let core: Core;
let host: Host;

/** A raw request, so tests can set headers browsers would not let a page set (Host). */
function request(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      // The path goes as written (`//evil.example/` included), not resolved against the origin.
      const { hostname, port } = new URL(host.origin);
      const target = {
        hostname,
        port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: options.headers,
      };
      const req = http.request(target, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end(options.body);
    },
  );
}

const bearer = () => ({ Authorization: `Bearer ${host.token}` });
const json = () => ({ ...bearer(), 'Content-Type': 'application/json' });

beforeAll(async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'host-'));
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // Port 9 (discard) refuses connections: the core runs offline, which is all these tests need.
  core = await createNodeCore({
    dataDir: path.join(root, 'desktop'),
    platformUrl: 'http://127.0.0.1:9',
    requestTimeoutMs: 2_000,
  });
  host = await startHost({ core, rendererDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  await core.close();
});

describe('web host', () => {
  it('listens on 127.0.0.1 and prints an address carrying the token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
  });

  it('refuses requests without the token, with a French explanation', async () => {
    const answer = await request('/');
    expect(answer.status).toBe(401);
    expect(answer.body).toContain('npm run start:web');
    expect(
      (await request('/ipc/session.get', { method: 'POST', headers: { 'Content-Type': 'application/json' } }))
        .status,
    ).toBe(401);
    expect((await request('/?token=faux')).status).toBe(401);
  });

  it('trades the token in the address for an HttpOnly, SameSite=Strict cookie', async () => {
    const answer = await request(`/mon-compte/ma-structure?token=${host.token}`);
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe('/mon-compte/ma-structure');
    const cookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request('/mon-compte/ma-structure', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses other host names (DNS rebinding) and other origins (other sites)', async () => {
    expect((await request('/', { headers: { ...bearer(), Host: 'evil.example' } })).status).toBe(421);
    const fromElsewhere = await request('/ipc/session.get', {
      method: 'POST',
      headers: { ...json(), Origin: 'https://evil.example' },
      body: '',
    });
    expect(fromElsewhere.status).toBe(403);
  });

  it('serves the channels as envelopes', async () => {
    const answer = await request('/ipc/session.get', { method: 'POST', headers: json(), body: '' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, data: { status: 'signedOut', notice: null } });
  });

  it('answers malformed calls with a 4xx envelope naming the field', async () => {
    const invalid = await request('/ipc/auth.login', {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ mail: 3 }),
    });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body)).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { mail: 'Le champ « Mail » doit être un texte.' } },
    });
    const notJson = await request('/ipc/auth.login', {
      method: 'POST',
      headers: json(),
      body: '{pas du json',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    const form = await request('/ipc/auth.login', {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'text/plain' },
      body: 'mail=a',
    });
    expect(form.status).toBe(415);
    const unknown = await request('/ipc/inconnu', { method: 'POST', headers: json(), body: '{}' });
    expect(unknown.status).toBe(404);
  });

  it('reads a cookie that is not valid percent-encoding as no token, on every route', async () => {
    const planted = { Cookie: 'bureau_token=%E0%A4%A' };
    for (const pathname of ['/', '/events', '/assets/app.js', '/mon-compte/ma-structure']) {
      expect((await request(pathname, { headers: planted })).status).toBe(401);
    }
    const call = await request('/ipc/session.get', {
      method: 'POST',
      headers: { ...planted, 'Content-Type': 'application/json' },
      body: '',
    });
    expect(call.status).toBe(401);
    // The address's token still works, and replaces the planted cookie.
    const exchange = await request(`/?token=${host.token}`, { headers: planted });
    expect(exchange.status).toBe(302);
  });

  it('keeps the redirect after the token exchange on this host, whatever the path', async () => {
    for (const pathname of [
      '/.//evil.example/',
      '//evil.example/',
      '/\\evil.example/',
      '/./\\/evil.example',
    ]) {
      const answer = await request(`${pathname}?token=${host.token}`);
      expect(answer.status).toBe(302);
      const location = answer.headers.location ?? '';
      expect(location).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, host.origin).origin).toBe(host.origin);
    }
    // Found by the fuzz suite: a path the URL parser reads as an empty host was a 500.
    expect((await request('//', { headers: bearer() })).status).toBe(200);
  });

  it('labels the framework’s refusals (too large, unknown type) with their code, in French', async () => {
    const tooLarge = await request('/ipc/session.get', {
      method: 'POST',
      headers: json(),
      body: JSON.stringify({ data: 'x'.repeat(6 * 1_048_576) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Le corps de la requête est trop volumineux (5 Mo au plus).' },
    });
    const xml = await request('/ipc/session.get', {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'application/xml' },
      body: '<a/>',
    });
    expect(xml.status).toBe(415);
    expect(JSON.parse(xml.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.parse(xml.body).error.message).toContain('JSON');
  });

  it('streams the core’s events as server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(new URL('/events', host.origin), { headers: bearer() }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          if (buffer.includes('connectivity.changed')) {
            req.destroy();
            resolve(buffer);
          }
        });
        // The stream is open: an event now reaches it.
        setImmediate(() =>
          core.events.emit({
            type: 'connectivity.changed',
            payload: { state: 'offline', lastContactAt: null },
          }),
        );
      });
      req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
    });
    const stream = await received;
    expect(stream).toContain(
      'data: {"type":"connectivity.changed","payload":{"state":"offline","lastContactAt":null}}',
    );
  });
});
