import { companySchema } from '../../../shared/domain/company';
import type { Handlers } from '../../../shared/ipc/contract';
import type { HandlerContext } from './context';
import { needsPlatform } from './needs-platform';

export function companiesHandlers(ctx: HandlerContext): Pick<Handlers, 'companies.lookup'> {
  return {
    async 'companies.lookup'({ siret }) {
      return ctx.client
        .call({ method: 'GET', path: `/companies/${encodeURIComponent(siret)}`, schema: companySchema })
        .catch(needsPlatform('La recherche d’un établissement par Siret'));
    },
  };
}
