import { app, net, session } from 'electron';
import type { ProxySetting } from '../../shared/domain/config';
import { proxyRulesFor } from '../core/config/proxy';
import type { ProxyLoginBroker } from '../core/config/proxy-login';
import { fetchAdapter } from '../core/platform/fetch-adapter';

/** The core's axios on Chromium's network stack: system proxy, PAC, corporate certificates. */
export const electronHttpAdapter = fetchAdapter((input, init) => net.fetch(input, init));

/** « Proxy » of « Paramètres »: the OS settings, or the address given; electron-updater follows too. */
export async function applyProxy(proxy: ProxySetting): Promise<void> {
  await session.defaultSession.setProxy(proxyRulesFor(proxy));
}

/**
 * A proxy asking for credentials: the window's « Authentification du proxy » answers (event
 * proxy.loginRequired, channel proxy.login). Site logins (not proxies) keep Electron's default: refused.
 */
export function handleProxyLogin(broker: () => ProxyLoginBroker | null): void {
  app.on('login', (event, _webContents, _details, authInfo, callback) => {
    if (!authInfo.isProxy) return;
    const asker = broker();
    // Before the core exists nobody can answer: refused, the next request asks again.
    if (!asker) return;
    event.preventDefault();
    void asker
      .ask({ host: authInfo.host, port: authInfo.port, realm: authInfo.realm })
      .then((credentials) =>
        credentials ? callback(credentials.username, credentials.password) : callback(),
      );
  });
}
