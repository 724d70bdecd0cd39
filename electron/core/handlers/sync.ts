import type { Handlers } from '../../../shared/ipc/contract';
import type { HandlerContext } from './context';

export function syncHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  | 'sync.status'
  | 'sync.now'
  | 'sync.refresh'
  | 'sync.issues'
  | 'sync.resolve'
  | 'sync.resend'
  | 'sync.discard'
> {
  const engine = () => ctx.sessions.requireAccount().sync;
  return {
    async 'sync.status'() {
      return engine().status();
    },
    async 'sync.now'() {
      return engine().syncNow();
    },
    async 'sync.refresh'() {
      engine().refresh();
      return { done: true as const };
    },
    async 'sync.issues'() {
      return engine().issues();
    },
    async 'sync.resolve'({ id, field, choice }) {
      await engine().resolve(id, field, choice);
      return engine().issues();
    },
    async 'sync.resend'({ id }) {
      await engine().resend(id);
      return engine().issues();
    },
    async 'sync.discard'({ id }) {
      await engine().discard(id);
      return engine().issues();
    },
  };
}
