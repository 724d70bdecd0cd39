import { companySchema, SIRET_UNKNOWN, siretSchema } from '../../shared/domain/company';
import { z } from '../../shared/zod';
import type { PlatformApp, PlatformContext } from '../context';
import { toCompany } from '../db/mappers';
import { fieldProblem } from '../http/problem';

/** The establishment of the company directory with this SIRET, or a 404 problem on the field. */
export async function findCompany(ctx: PlatformContext, siret: string) {
  const row = await ctx.db.selectFrom('companies').selectAll().where('siret', '=', siret).executeTakeFirst();
  if (!row) throw fieldProblem(404, 'siret_unknown', 'siret', SIRET_UNKNOWN);
  return toCompany(row, ctx.nafLabels.get(row.naf_code) ?? row.naf_code);
}

export async function companiesRoutes(app: PlatformApp, ctx: PlatformContext): Promise<void> {
  // Public, like the SIRENE directory it mirrors.
  app.get(
    '/companies/:siret',
    {
      schema: {
        tags: ['Annuaire des entreprises'],
        summary: 'Un établissement de l’annuaire (SIRENE) par son Siret',
        params: z.object({ siret: siretSchema }),
        response: { 200: companySchema },
      },
    },
    async (request) => findCompany(ctx, request.params.siret),
  );
}
