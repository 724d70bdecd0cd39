import fc from 'fast-check';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/create-core';
import { createNodeCore } from '../../electron/host/node-core';
import { startHost, type Host } from '../../electron/host/server';
import { fuzzParameters, hostileString } from './support/runs';

let core: Core;
let host: Host;
let port: number;

/**
 * One request written byte for byte on a socket: a browser or Node's client would refuse to
 * send most of these headers, an attacker's tool would not.
 */
function rawRequest(head: string, body = ''): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      resolve({ status, head: answer.split('\r\n\r\n')[0] ?? '' });
    });
    socket.on('error', reject);
    // Not end(): a half-closed socket may be dropped before an asynchronous answer (a file) is sent.
    socket.write(Buffer.from(head + body, 'latin1'));
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

/** Header values as bytes: latin-1 of UTF-8, control characters and all, but no line breaks. */
const headerValue = () =>
  fc.oneof(
    hostileString().map((value) =>
      Buffer.from(value, 'utf8')
        .toString('latin1')
        .replace(/[\r\n]/g, ''),
    ),
    fc.constantFrom('bureau_token=%E0%A4%A', 'bureau_token=', 'bureau_token=%', 'a=b; bureau_token=%FF%FE'),
  );

const pathArb = () =>
  fc.oneof(
    fc.webPath(),
    fc.constantFrom(
      '/.//evil.example/',
      '//evil.example/',
      '/\\evil.example',
      '/%2F%2Fevil.example',
      '/..%2F..%2F',
      '/%',
      '/?token=%',
    ),
    hostileString().map((value) => `/${encodeURI(value.replace(/[\uD800-\uDFFF]/g, ''))}`),
  );

beforeAll(async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'host-fuzz-'));
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  // Port 9 (discard) refuses connections: the core runs offline, which is all the host needs.
  core = await createNodeCore({
    dataDir: path.join(root, 'desktop'),
    platformUrl: 'http://127.0.0.1:9',
    requestTimeoutMs: 2_000,
  });
  host = await startHost({ core, rendererDir, port: 0 });
  port = Number(new URL(host.origin).port);
});

afterAll(async () => {
  await host?.close();
  await core?.close();
});

describe('web host under hostile headers', () => {
  it('never answers 5xx and never redirects off the host', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'OPTIONS'),
          path: pathArb(),
          withToken: fc.constantFrom('none', 'query', 'bearer', 'cookie'),
          host: fc.oneof(fc.constant('own'), fc.constant('localhost'), headerValue()),
          origin: fc.option(fc.oneof(fc.constant('own'), headerValue()), { nil: undefined }),
          cookie: fc.option(headerValue(), { nil: undefined }),
          authorization: fc.option(headerValue(), { nil: undefined }),
          body: fc.option(fc.oneof(fc.json(), headerValue()), { nil: undefined }),
        }),
        async (generated) => {
          const own = `127.0.0.1:${port}`;
          let target = generated.path.replace(/[\s]/g, '');
          if (generated.withToken === 'query')
            target += `${target.includes('?') ? '&' : '?'}token=${host.token}`;
          const lines = [`${generated.method} ${target || '/'} HTTP/1.1`];
          lines.push(
            `Host: ${generated.host === 'own' ? own : generated.host === 'localhost' ? `localhost:${port}` : generated.host}`,
          );
          if (generated.origin !== undefined)
            lines.push(`Origin: ${generated.origin === 'own' ? `http://${own}` : generated.origin}`);
          const cookie = [
            generated.cookie,
            generated.withToken === 'cookie' ? `bureau_token=${host.token}` : undefined,
          ]
            .filter(Boolean)
            .join('; ');
          if (cookie) lines.push(`Cookie: ${cookie}`);
          if (generated.withToken === 'bearer') lines.push(`Authorization: Bearer ${host.token}`);
          else if (generated.authorization !== undefined)
            lines.push(`Authorization: ${generated.authorization}`);
          const body = generated.body ?? '';
          if (body)
            lines.push(
              'Content-Type: application/json',
              `Content-Length: ${Buffer.byteLength(body, 'latin1')}`,
            );
          lines.push('Connection: close', '', '');
          const answer = await rawRequest(lines.join('\r\n'), body);
          expect(answer.status, answer.head).toBeGreaterThanOrEqual(200);
          expect(answer.status, answer.head).toBeLessThan(500);
          const location = /\r\nlocation: ([^\r]*)/i.exec(answer.head)?.[1];
          if (location !== undefined) {
            expect(location).toMatch(/^\/(?![/\\])/);
            expect(new URL(location, `http://${own}`).host).toBe(own);
          }
        },
      ),
      fuzzParameters(4_000),
    );
  });
});
