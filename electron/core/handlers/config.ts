import type { Handlers } from '../../../shared/ipc/contract';
import type { ConfigService } from '../config/config-service';
import type { ProxyLoginBroker } from '../config/proxy-login';

export function configHandlers(
  config: ConfigService,
  proxyLogin: ProxyLoginBroker,
): Pick<Handlers, 'config.get' | 'config.update' | 'proxy.login'> {
  return {
    async 'config.get'() {
      return config.view();
    },
    async 'config.update'(patch) {
      return config.update(patch);
    },
    async 'proxy.login'(answer) {
      proxyLogin.answer(answer);
      return { done: true as const };
    },
  };
}
