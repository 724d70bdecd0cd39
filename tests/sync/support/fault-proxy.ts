import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request. */
export type Fault =
  /** Forward it and relay the answer. */
  | { kind: 'pass' }
  /** Cut the connection before the platform sees it. */
  | { kind: 'reset' }
  /** Answer this instead of the platform. */
  | { kind: 'answer'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Never answer (the client times out); the platform never sees it. */
  | { kind: 'hang' }
  /** Forward it, let the platform apply it, then cut the connection: the answer is lost. */
  | { kind: 'reset-after-forward' }
  /** Deliver it to the platform twice, relay the second answer. */
  | { kind: 'duplicate' }
  /** Forward it, keep the platform's answer until `release()` (crash tests). */
  | { kind: 'hold' };

export interface SeenRequest {
  method: string;
  path: string;
  at: number;
  fault: Fault['kind'];
  headers: http.IncomingHttpHeaders;
}

/** A fault-injecting HTTP proxy on 127.0.0.1 between a desktop core and the platform. */
export class FaultProxy {
  /** Every connection is cut at once, as if the platform were unreachable. */
  down = false;
  /** Decides each request's fate; `pass` when it returns undefined. */
  rule: (request: { method: string; path: string; index: number }) => Fault | undefined = () => undefined;
  readonly seen: SeenRequest[] = [];
  private held: Array<() => void> = [];
  private heldWaiters: Array<() => void> = [];
  private server: http.Server | undefined;
  url = '';

  constructor(private readonly target: string) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Requests whose path starts with this, in order. */
  requests(method: string, pathPrefix: string): SeenRequest[] {
    return this.seen.filter((r) => r.method === method && r.path.startsWith(pathPrefix));
  }

  /** Resolves once a request is being held. */
  whenHolding(): Promise<void> {
    if (this.held.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push(resolve));
  }

  /** Lets held answers go (to whoever still listens). */
  release(): void {
    for (const go of this.held.splice(0)) go();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = (req.url ?? '/').replace(/^\/api\/v1/, '');
    const index = this.seen.length;
    const fault: Fault = this.down
      ? { kind: 'reset' }
      : (this.rule({ method: req.method ?? 'GET', path, index }) ?? { kind: 'pass' });
    this.seen.push({
      method: req.method ?? 'GET',
      path,
      at: Date.now(),
      fault: fault.kind,
      headers: req.headers,
    });

    switch (fault.kind) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang':
        return;
      case 'answer':
        res.writeHead(fault.status, { 'content-type': 'application/problem+json', ...fault.headers });
        res.end(
          JSON.stringify(
            fault.body ?? {
              title: 'Erreur',
              status: fault.status,
              detail: `Erreur ${fault.status} simulée.`,
            },
          ),
        );
        return;
      default:
        break;
    }
    const first = await this.forward(req, body);
    const answer = fault.kind === 'duplicate' ? await this.forward(req, body) : first;
    if (fault.kind === 'reset-after-forward') {
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'hold') {
      await new Promise<void>((resolve) => {
        this.held.push(resolve);
        for (const waiter of this.heldWaiters.splice(0)) waiter();
      });
    }
    if (res.destroyed) return;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  private forward(
    req: http.IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        new URL(req.url ?? '/', this.target),
        { method: req.method, headers: { ...req.headers, host: new URL(this.target).host } },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (chunk: Buffer) => parts.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 502,
              headers: response.headers,
              body: Buffer.concat(parts),
            }),
          );
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}
