import type { Handlers } from '../../../shared/ipc/contract';
import { searchEverything } from '../search/global-search';
import type { HandlerContext } from './context';

/** The global search box (Ctrl+K): this desktop's data only, so it answers offline as well. */
export function searchHandlers(ctx: HandlerContext): Pick<Handlers, 'search.global'> {
  return {
    async 'search.global'({ q, limit }) {
      return ctx.sessions.requireAccount().store.read((tx) => searchEverything(tx, q, limit));
    },
  };
}
