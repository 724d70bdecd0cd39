import type { Handlers } from '../../../shared/ipc/contract';
import type { HandlerContext } from './context';
import { needsPlatform } from './needs-platform';

export function structureHandlers(ctx: HandlerContext): Pick<Handlers, 'structure.get' | 'structure.create'> {
  return {
    async 'structure.get'() {
      return ctx.sessions.requireAccount().repo.structure();
    },
    async 'structure.create'({ siret }) {
      return ctx.sessions.createStructure(siret).catch(needsPlatform('L’enregistrement de la structure'));
    },
  };
}
