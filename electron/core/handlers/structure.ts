import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { readLocalSession } from '../session/local-session';
import { syncEntities } from '../sync/entities';
import type { HandlerContext } from './context';
import { needsPlatform } from './needs-platform';

export function structureHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'structure.get' | 'structure.create' | 'structure.cancelRequest' | 'structure.update'> {
  const local = () => readLocalSession(ctx.sessions.requireAccount().store);
  return {
    async 'structure.get'() {
      return (await local()).structure;
    },
    async 'structure.create'({ siret }) {
      return ctx.sessions.createStructure(siret).catch(needsPlatform('L’enregistrement de la structure'));
    },
    async 'structure.cancelRequest'() {
      return ctx.sessions.cancelJoinRequest().catch(needsPlatform('L’annulation de votre demande'));
    },
    async 'structure.update'(patch) {
      const { sync } = ctx.sessions.requireAccount();
      const before = (await local()).structure;
      if (!before) throw new AppError('not_found', 'Aucune structure n’est rattachée à ce compte.');
      await sync.update(syncEntities.structure, before.id, patch);
      return (await local()).structure!;
    },
  };
}
