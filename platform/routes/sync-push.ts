import { PUSH_BATCH_MAX, pushRequestSchema, pushResponseSchema } from '../../shared/api/sync';
import type { PlatformApp, PlatformContext } from '../context';
import { bearerSecurity, requireSession } from '../http/authenticate';
import { isCanonicalPath, runBatch } from '../sync/push-batch';

/**
 * The contract's batch, plus what only the platform can judge: a path that the URL parser
 * would turn into another one (`/offers/../sync/push`) is refused like a path to /sync/.
 */
const pushBodySchema = pushRequestSchema.superRefine((batch, context) => {
  for (const [index, mutation] of batch.mutations.entries()) {
    if (!isCanonicalPath(mutation.path)) {
      context.addIssue({
        code: 'custom',
        path: ['mutations', index, 'path'],
        message: 'Le chemin « path » de la modification est invalide.',
      });
    }
  }
});

/**
 * A batch carries up to PUSH_BATCH_MAX bodies, each up to the platform's 1 Mio limit of a single
 * request (still enforced on each mutation): the batch's own limit leaves room for many large ones.
 */
const PUSH_BODY_LIMIT = 16 * 1_048_576;

export async function syncPushRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  app.post(
    '/sync/push',
    {
      bodyLimit: PUSH_BODY_LIMIT,
      schema: {
        tags: ['Synchronisation'],
        summary: 'Envoyer un lot ordonné de modifications, un résultat par modification',
        description: [
          `Au plus ${PUSH_BATCH_MAX} modifications par lot, appliquées une à une dans l’ordre, chacune exactement comme sa requête seule : même chemin (sous /api/v1, jamais /sync/…), même méthode, \`Idempotency-Key\` = \`idempotencyKey\`, \`If-Match: "<baseVersion>"\` quand \`baseVersion\` est donné (ou la version rendue par la modification \`onTopOf\` du même lot : plusieurs modifications d’une même ligne dans un lot), même corps JSON, mêmes droits (le jeton du lot), mêmes vérifications et mêmes réponses.`,
          'Chaque modification est validée dans sa propre transaction avec sa clé : un lot renvoyé (réponse perdue, plateforme redémarrée en cours de lot) rejoue les modifications déjà appliquées sans les appliquer deux fois et applique les autres.',
          'Le lot s’arrête à la première modification refusée (409, 412, 428, autre 4xx, 5xx) : elle est `refused` avec son statut, son problème RFC 9457 (dont `current` sur 412) et `retryAfter` (secondes) si sa réponse seule portait Retry-After ; toutes les suivantes sont `not_applied` : jamais exécutées, à renvoyer.',
          'Réponse 200 avec `results`, un par modification, dans l’ordre (`applied` : statut et corps de la réponse seule). 400 si le lot est invalide (liste vide, plus de modifications que la limite, chemin, méthode ou clé invalide) : rien n’est appliqué.',
        ].join('\n\n'),
        security: bearerSecurity,
        body: pushBodySchema,
        response: { 200: pushResponseSchema },
      },
    },
    async (request, reply) => {
      // Checked once for the whole batch (each mutation checks it again on its own path):
      // without a valid token nothing is sent.
      const { user } = await requireSession(ctx, request);
      const { results, summary } = await runBatch(app, request, request.body.mutations, ctx.clock);
      request.log.info(
        { userId: user.id, mutations: results.length, ...summary },
        'lot de modifications appliqué',
      );
      // The routes already serialised each answer: the results are assembled as text.
      return reply
        .type('application/json; charset=utf-8')
        .serializer((payload) => payload as string)
        .send(`{"results":[${results.join(',')}]}` as never);
    },
  );
}
