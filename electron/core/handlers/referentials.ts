import type { Handlers } from '../../../shared/ipc/contract';
import { allDiplomas, searchCommunes, searchRome } from '../referentials/lookup';
import type { HandlerContext } from './context';

export function referentialsHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'referentials.rome' | 'referentials.diplomas' | 'referentials.communes'> {
  /** The account's cache, once a download in progress (right after signing in) is done. */
  const cached = async () => {
    const { store, referentials } = ctx.sessions.requireAccount();
    await referentials.whenCached();
    return store;
  };
  return {
    async 'referentials.rome'({ q }) {
      return searchRome(await cached(), q);
    },
    async 'referentials.diplomas'() {
      return allDiplomas(await cached());
    },
    async 'referentials.communes'({ q }) {
      return searchCommunes(await cached(), q);
    },
  };
}
