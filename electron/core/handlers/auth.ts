import type { Handlers } from '../../../shared/ipc/contract';
import { userSchema } from '../../../shared/domain/account';
import type { HandlerContext } from './context';
import { needsPlatform } from './needs-platform';

export function authHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'auth.register' | 'auth.login' | 'auth.logout'> {
  return {
    async 'auth.register'(input) {
      const { passwordConfirmation: _confirmation, ...registration } = input;
      const user = await ctx.client
        .call({ method: 'POST', path: '/auth/register', body: registration, schema: userSchema })
        .catch(needsPlatform('La création d’un compte'));
      return { mail: user.mail };
    },
    async 'auth.login'(input) {
      return ctx.sessions.signIn(input.mail, input.password).catch(needsPlatform('La connexion'));
    },
    async 'auth.logout'(input) {
      // Erasing is what a closed account gets: signed out, then its database folder removed.
      if (input?.eraseLocalData) await ctx.sessions.forgetClosedAccount();
      else await ctx.sessions.signOut();
      return { done: true as const };
    },
  };
}
