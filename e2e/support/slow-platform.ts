import http from 'node:http';

export interface SlowPlatform {
  url: string;
  close(): Promise<void>;
}

/**
 * A proxy in front of the platform that holds back every chunk of the sync answers (changes,
 * snapshot) by `delayMs`: long enough for a spec to see the first synchronisation's progress.
 * The rest (sign-in, referentials) goes through at full speed. Test-only: no knob in the product.
 */
export async function slowPlatform(target: string, delayMs: number): Promise<SlowPlatform> {
  const upstream = new URL(target);
  const server = http.createServer((request, response) => {
    const slow = (request.url ?? '').includes('/sync/');
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
