import { changesPageSchema, changesQuerySchema } from '../../shared/api/sync';
import { z } from '../../shared/zod';
import type { PlatformApp, PlatformContext } from '../context';
import { bearerSecurity } from '../http/authenticate';
import { feedReader, visibleFeed } from '../sync/visible-feed';

/** The headers of the sync protocol on updates, for the OpenAPI document. */
export const syncHeaders = z.object({
  'if-match': z
    .string()
    .optional()
    .describe('Version sur laquelle la modification a été faite (obligatoire).'),
  'idempotency-key': z
    .string()
    .optional()
    .describe('Identifiant unique de la modification : rejouée, elle n’est appliquée qu’une fois.'),
});

/** The header of the sync protocol on creations (no version yet to match). */
export const idempotencyHeaders = syncHeaders.pick({ 'idempotency-key': true });

export async function syncRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.get(
    '/sync/changes',
    {
      schema: {
        tags: ['Synchronisation'],
        summary: 'Les changements de ma structure depuis un curseur, dans l’ordre de la plateforme',
        description:
          'Chaque entité apparaît une fois, à sa dernière position ; une suppression est un changement `deleted: true` sans données. Passer `cursor` comme `since` de la page suivante tant que `hasMore`. 404 sans structure, 403 tant que la demande de rattachement attend la validation du référent.',
        security: bearerSecurity,
        querystring: changesQuerySchema,
        response: { 200: changesPageSchema },
      },
    },
    async (request, reply) => {
      // The same rows, by the same rule, as GET /sync/snapshot (../sync/visible-feed.ts).
      const reader = await feedReader(ctx, request);
      const { since, limit, count } = request.query;
      const visible = visibleFeed(ctx.db, reader);
      const rows = await visible
        .select(['seq', 'entity', 'entity_id', 'version', 'deleted', 'data'])
        .where('seq', '>', since)
        .orderBy('seq')
        .limit(limit + 1)
        .execute();
      const hasMore = rows.length > limit;
      const page = hasMore ? rows.slice(0, limit) : rows;
      const cursor = page.at(-1)?.seq ?? since;
      let remaining: number | null = null;
      if (count === 'true') {
        const counted = await visible
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('seq', '>', cursor)
          .executeTakeFirstOrThrow();
        remaining = Number(counted.n);
      }
      // The entities are stored as JSON: the page is assembled as text, not parsed and re-serialised.
      const changes = page
        .map(
          (r) =>
            `{"seq":${r.seq},"entity":${JSON.stringify(r.entity)},"id":${JSON.stringify(r.entity_id)},"version":${r.version},"deleted":${r.deleted === 1},"data":${r.data ?? 'null'}}`,
        )
        .join(',');
      const body = `{"changes":[${changes}],"cursor":${cursor},"hasMore":${hasMore},"remaining":${remaining}}`;
      return reply
        .type('application/json; charset=utf-8')
        .serializer((payload) => payload as string)
        .send(body as never);
    },
  );
}
