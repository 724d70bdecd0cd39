import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isChannelName } from '../../shared/ipc/contract';
import type { CoreConnection } from '../core/worker/core-client';
import { securityHeaders } from '../core/security/csp';
import { isAllowedHost, isAllowedOrigin, requestToken, TOKEN_COOKIE, tokenMatches } from './access';
import { hostErrorEnvelope, sameHostLocation } from './errors';

export interface HostOptions {
  /** The core in this thread (createCore) or in a worker (startWorkerCore). */
  core: Pick<CoreConnection, 'invoke' | 'events'>;
  /** The built renderer (vite build output). */
  rendererDir: string;
  port: number;
  /** Created at random when absent. */
  token?: string;
}

export interface Host {
  /** Open this in a browser: it carries the access token. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The request's path and query. Parsed below a fixed origin rather than resolved against the
 * Host header: `//` or `//evil.example/` would otherwise read as another host (or not parse).
 */
function requestUrl(raw: string): URL | undefined {
  try {
    return new URL(`http://hote.local${raw.startsWith('/') ? '' : '/'}${raw}`);
  } catch {
    return undefined;
  }
}

const DENIED =
  'Accès refusé : ouvrez l’adresse complète affichée au lancement de « npm run start:web » (elle contient un jeton d’accès).';

/**
 * The web host: serves the renderer and the core's channels to a browser on 127.0.0.1.
 * `POST /ipc/<channel>` answers envelopes; `GET /events` is a server-sent event stream.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const indexFile = path.join(options.rendererDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`Le renderer n’est pas construit (${indexFile} absent) : lancez « npm run build ».`);
  }
  const token = options.token ?? randomBytes(32).toString('base64url');
  // SSE connections never end by themselves: close() must cut them.
  const bodyLimit = 5 * 1_048_576;
  const app = Fastify({ logger: false, bodyLimit, forceCloseConnections: true });
  let port = options.port;

  const deny = (reply: FastifyReply, status: number, message: string) =>
    reply.code(status).type('text/plain; charset=utf-8').send(message);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    for (const [name, value] of Object.entries(securityHeaders())) reply.header(name, value);
    if (!isAllowedHost(request.headers.host, port)) return deny(reply, 421, 'Hôte non autorisé.');
    if (!isAllowedOrigin(request.headers.origin, port)) return deny(reply, 403, 'Origine non autorisée.');
    const url = requestUrl(request.url);
    if (!url) return deny(reply, 400, 'Adresse de la requête invalide.');
    const offered = url.searchParams.get('token');
    if (request.method === 'GET' && offered !== null) {
      if (!tokenMatches(token, offered)) return deny(reply, 401, DENIED);
      // Trade the token in the address for a cookie, and drop it from the address bar.
      url.searchParams.delete('token');
      reply.header(
        'Set-Cookie',
        `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`,
      );
      return reply.redirect(sameHostLocation(url.pathname, url.search), 302);
    }
    if (!tokenMatches(token, requestToken(request.headers))) return deny(reply, 401, DENIED);
  });

  app.post<{ Params: { channel: string } }>('/ipc/:channel', async (request, reply) => {
    // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return reply.code(415).send({
        ok: false,
        error: { code: 'validation', message: 'Le corps doit être du JSON (application/json).' },
      });
    }
    const envelope = await options.core.invoke(request.params.channel, request.body ?? undefined);
    // Malformed calls get a 4xx; everything else (platform refusals included) is an answer.
    if (!isChannelName(request.params.channel)) return reply.code(404).send(envelope);
    if (!envelope.ok && envelope.error.code === 'validation') return reply.code(400).send(envelope);
    return reply.send(envelope);
  });

  app.get('/events', (request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    reply.raw.write(': flux des évènements\n\n');
    const send = (chunk: string) => {
      if (!reply.raw.writableEnded) reply.raw.write(chunk);
    };
    const stop = options.core.events.subscribe((event) => send(`data: ${JSON.stringify(event)}\n\n`));
    const heartbeat = setInterval(() => send(': ping\n\n'), 15_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      stop();
    });
  });

  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      const error = Object.assign(new Error('Le corps de la requête n’est pas un JSON valide.'), {
        statusCode: 400,
      });
      done(error, undefined);
    }
  });
  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    const { status, error: data } = hostErrorEnvelope(error.statusCode, bodyLimit);
    return reply.code(status).send({ ok: false, error: data });
  });

  await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html', wildcard: false });
  // Client-side routes (/connexion, /mon-compte/...) all load the app's page.
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !path.extname(request.url.split('?')[0] ?? ''))
      return reply.sendFile('index.html');
    return deny(reply, 404, 'Introuvable.');
  });

  await app.listen({ port: options.port, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('adresse d’écoute inattendue');
  port = address.port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    async close() {
      await app.close();
    },
  };
}
