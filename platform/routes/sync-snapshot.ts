import { Readable } from 'node:stream';
import { SNAPSHOT_CONTENT_TYPE, snapshotLineSchema, snapshotQuerySchema } from '../../shared/api/sync';
import type { PlatformApp, PlatformContext } from '../context';
import { bearerSecurity } from '../http/authenticate';
import { planSnapshot, SNAPSHOT_PAGE_ROWS, snapshotLines } from '../sync/snapshot-stream';
import { feedReader } from '../sync/visible-feed';

export async function syncSnapshotRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.get(
    '/sync/snapshot',
    {
      schema: {
        tags: ['Synchronisation'],
        summary: 'L’état de ma structure à un curseur, pour la première synchronisation (NDJSON)',
        description: [
          `Réponse en ${SNAPSHOT_CONTENT_TYPE} (une ligne JSON par objet, diffusée au fil de l’eau, par pages de ${SNAPSHOT_PAGE_ROWS} lignes) : d’abord \`{"kind":"header","cursor":…,"total":…}\`, puis une ligne \`{"kind":"row","seq","entity","id","version","data"}\` par entité vivante (pas de suppressions) que je peux voir avec \`after < seq <= cursor\`, dans l’ordre de \`seq\`, enfin \`{"kind":"end","cursor":…,"rows":…}\`. Un flux sans ligne de fin a été coupé.`,
          'Mêmes lignes, mêmes règles de visibilité que GET /sync/changes (ses entrées non supprimées). Sans `upTo`, le curseur est la dernière position visible du moment ; avec, celui d’un flux précédent (au plus la dernière position de la structure). Reprise après coupure : `upTo` = le curseur de l’en-tête, `after` = la dernière `seq` enregistrée.',
          'Cohérence : le journal ne garde que la dernière position de chaque entité ; une entité modifiée pendant ou après le flux quitte l’intervalle et arrive avec GET /sync/changes?since=<cursor>, à suivre une fois toutes les lignes enregistrées. `total` compte les lignes au début du flux (jamais moins que celles envoyées). 404 sans structure, 403 tant que la demande de rattachement attend la validation du référent.',
        ].join('\n\n'),
        security: bearerSecurity,
        querystring: snapshotQuerySchema,
        response: {
          200: {
            description: 'Les lignes du flux, une par ligne de texte (voici la forme de chacune).',
            content: { [SNAPSHOT_CONTENT_TYPE]: { schema: snapshotLineSchema } },
          },
        },
      },
    },
    async (request, reply) => {
      // The same reader and rows, by the same rule, as GET /sync/changes (../sync/visible-feed.ts).
      const reader = await feedReader(ctx, request);
      const plan = await planSnapshot(ctx.db, reader, request.query);
      // Pulled page by page as the socket drains: memory holds one page, not the feed (the
      // response schema describes one line, for the document: a stream is not serialised).
      return reply
        .type(SNAPSHOT_CONTENT_TYPE)
        .header('cache-control', 'no-store')
        .send(Readable.from(snapshotLines(ctx.db, reader, plan)) as never);
    },
  );
}
