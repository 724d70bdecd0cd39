import { decodeJwt } from 'jose';
import {
  pokeSchema,
  STREAM_CONTENT_TYPE,
  STREAM_HEARTBEAT_MS,
  streamHeadersSchema,
  streamQuerySchema,
} from '../../shared/api/sync-stream';
import type { PlatformApp, PlatformContext } from '../context';
import { bearerSecurity, bearerToken } from '../http/authenticate';
import { requireMember } from '../http/membership';
import { PokeStream } from '../sync/poke-stream';
import { pokeReaches } from '../sync/pokes';
import { visibleFeed } from '../sync/visible-feed';

/** setTimeout's largest delay (about 24.8 days); a token never lives that long, but a clock may lie. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export async function syncStreamRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.addHook('preClose', async () => {
    for (const stream of ctx.live.streams) stream.end();
  });

  app.get(
    '/sync/stream',
    {
      schema: {
        tags: ['Synchronisation'],
        summary: 'Le signal, en direct, que le journal de ma structure a grandi (Server-Sent Events)',
        description: [
          `Réponse en ${STREAM_CONTENT_TYPE}, tenue ouverte. Chaque fois qu’une entrée que je peux voir entre dans le journal de ma structure, un événement \`poke\` arrive : \`id: <curseur>\`, \`data: {"cursor":<curseur>}\`. Il ne porte aucune donnée : le client tire ensuite GET /sync/changes?since=<son curseur>. Des signaux rapprochés peuvent n’en faire qu’un.`,
          `Un commentaire (\`: ok\` à l’ouverture, \`: heartbeat\` toutes les ${STREAM_HEARTBEAT_MS / 1000} s) montre que le flux est vivant. Avec \`cursor\` (ou l’en-tête \`Last-Event-ID\` d’une reconnexion) en retard sur le journal, un signal part aussitôt. Le flux se ferme à l’expiration du jeton d’accès : le client se reconnecte avec un jeton neuf (ses droits sont alors vérifiés à nouveau).`,
          '401 sans jeton valide, 404 sans structure, 403 tant que la demande de rattachement attend la validation du référent.',
        ].join('\n\n'),
        security: bearerSecurity,
        querystring: streamQuerySchema,
        headers: streamHeadersSchema,
        response: {
          200: {
            description: 'Les événements `poke` du flux (voici la forme de leur champ `data`).',
            content: { [STREAM_CONTENT_TYPE]: { schema: pokeSchema } },
          },
        },
      },
    },
    async (request, reply) => {
      const reader = await requireMember(ctx, request);
      const since = request.query.cursor ?? request.headers['last-event-id'];
      const expiresAt = (decodeJwt(bearerToken(request) ?? '').exp ?? 0) * 1000;

      // From here the handler owns the socket: Fastify neither serialises nor ends the answer.
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': `${STREAM_CONTENT_TYPE}; charset=utf-8`,
        'cache-control': 'no-store',
        // nginx would otherwise hold the events in its buffer (docs/deploy-platform.md).
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      });
      // Without a cursor, the desktop learns where the feed stands at once.
      const stream = new PokeStream(raw, since ?? -1);
      // Subscribed before the feed is read: an entry committed in between is poked, not missed.
      const unsubscribe = ctx.live.bus.subscribe((poke) => {
        if (pokeReaches(poke, reader)) stream.poke(poke.seq);
      });
      const heartbeat = setInterval(() => stream.comment('heartbeat'), ctx.live.heartbeatMs);
      const expiry = setTimeout(
        () => stream.end(),
        Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now())),
      );
      ctx.live.streams.add(stream);
      raw.on('error', () => stream.end());
      raw.on('close', () => {
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(expiry);
        ctx.live.streams.delete(stream);
      });

      stream.comment('ok');
      try {
        const last = await visibleFeed(ctx.db, reader)
          .select((eb) => eb.fn.max('seq').as('last'))
          .executeTakeFirst();
        stream.poke(Number(last?.last ?? 0));
      } catch (error) {
        request.log.error(error);
        stream.end();
      }
    },
  );
}
