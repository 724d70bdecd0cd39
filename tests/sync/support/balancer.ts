import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal load balancer in front of several platform instances: requests go to the first
 * instance still answering. An instance that refuses a connection is left for the next one, and
 * the request that met it fails (cut), as behind a real proxy: the desktop retries it.
 */
export class Balancer {
  private server: http.Server | undefined;
  private current = 0;
  url = '';
  /** The instance each request went to, in order. */
  readonly routed: number[] = [];

  constructor(private readonly targets: string[]) {}

  async start(): Promise<this> {
    this.server = http.createServer((request, response) => {
      const index = this.current;
      const target = new URL(request.url ?? '/', this.targets[index]);
      this.routed.push(index);
      const forwarded = http.request(
        target,
        { method: request.method, headers: { ...request.headers, host: target.host } },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forwarded.on('error', () => {
        if (this.current === index && index < this.targets.length - 1) this.current = index + 1;
        response.destroy();
      });
      request.pipe(forwarded);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
