import {
  referentialNames,
  referentialResponseSchema,
  type ReferentialName,
} from '../../shared/domain/referentials';
import { z } from '../../shared/zod';
import type { PlatformApp } from '../context';
import { publishedReferential } from '../referentials/published';

const summaries: Record<ReferentialName, string> = {
  rome: 'Les métiers du ROME 4.0 (France Travail, version v460)',
  diplomas: 'Les diplômes et titres préparés en alternance, avec leur niveau (3 à 7)',
  communes: 'Les communes de Nouvelle-Aquitaine, avec leur code postal et leur point central',
  naf: 'Les sous-classes de la nomenclature d’activités française (NAF rév. 2)',
};

/** True when If-None-Match names this ETag (weak or strong, in a list, or `*`). */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

export async function referentialsRoutes(app: PlatformApp): Promise<void> {
  // Public: nomenclatures, nothing about anyone.
  for (const name of referentialNames) {
    app.get(
      `/referentials/${name}`,
      {
        schema: {
          tags: ['Référentiels'],
          summary: summaries[name],
          description:
            'La liste entière et sa version (empreinte du contenu, aussi en ETag). Avec If-None-Match portant cette version : 304 sans corps, la liste n’a pas changé.',
          headers: z.object({
            'if-none-match': z.string().optional().describe('L’ETag de la liste déjà téléchargée.'),
          }),
          response: {
            200: referentialResponseSchema(name),
            304: z.null().describe('La liste n’a pas changé depuis cette version.'),
          },
        },
      },
      async (request, reply) => {
        const referential = publishedReferential(name);
        reply.header('ETag', referential.etag).header('Cache-Control', 'no-cache');
        if (notModified(request.headers['if-none-match'], referential.etag))
          return reply.code(304).send(null);
        // Thousands of entries: sent as serialised once, not validated again at each request.
        return reply
          .type('application/json; charset=utf-8')
          .serializer((payload) => payload as string)
          .send(referential.body as never);
      },
    );
  }
}
