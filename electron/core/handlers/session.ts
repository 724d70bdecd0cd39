import type { Handlers } from '../../../shared/ipc/contract';
import type { HandlerContext } from './context';

export function sessionHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'session.get' | 'connectivity.get' | 'connectivity.check'> {
  return {
    async 'session.get'() {
      return ctx.sessions.current();
    },
    async 'connectivity.get'() {
      return ctx.connectivity.current();
    },
    async 'connectivity.check'() {
      await ctx.client.health().catch(() => undefined);
      return ctx.connectivity.current();
    },
  };
}
