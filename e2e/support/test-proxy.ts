import http from 'node:http';

export interface TestProxy {
  url: string;
  close(): Promise<void>;
}

export interface TestProxyOptions {
  /**
   * Holds back every chunk of the sync answers (changes, snapshot) by this many ms: long enough
   * for a spec to see the first synchronisation's progress.
   */
  slowSyncMs?: number;
  /**
   * Answers GET /sync/stream with a bare 404, as a platform without live sync does: the desktop
   * then learns of others' changes at its syncs only (what a spec about conflicts needs).
   */
  withoutLiveStream?: boolean;
}

/**
 * A proxy in front of the platform, between it and the desktop; the rest (sign-in,
 * referentials) goes through at full speed. Test-only: no knob in the product.
 */
export async function testProxy(target: string, options: TestProxyOptions): Promise<TestProxy> {
  const upstream = new URL(target);
  const delayMs = options.slowSyncMs ?? 0;
  const server = http.createServer((request, response) => {
    if (options.withoutLiveStream && (request.url ?? '').includes('/sync/stream')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('introuvable');
      return;
    }
    const slow = delayMs > 0 && (request.url ?? '').includes('/sync/');
    const forwarded = http.request(
      new URL(request.url ?? '/', upstream),
      { method: request.method, headers: { ...request.headers, host: upstream.host } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!slow) return void answer.pipe(response);
        answer.on('data', (chunk: Buffer) => {
          answer.pause();
          setTimeout(() => {
            response.write(chunk);
            answer.resume();
          }, delayMs);
        });
        answer.on('end', () => setTimeout(() => response.end(), delayMs));
      },
    );
    forwarded.on('error', () => response.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
