import type { ProxySetting } from '../../../shared/domain/config';

/** The shape of Electron's `session.setProxy` argument that we use (no electron import here). */
export type ProxyRules =
  { mode: 'system' } | { mode: 'fixed_servers'; proxyRules: string; proxyBypassRules: string };

/** « system »: the OS settings (PAC, WPAD); an address: that proxy for everything but this machine. */
export function proxyRulesFor(proxy: ProxySetting): ProxyRules {
  if (proxy === 'system') return { mode: 'system' };
  const url = new URL(proxy);
  return {
    mode: 'fixed_servers',
    proxyRules: `${url.protocol}//${url.host}`,
    proxyBypassRules: '<local>',
  };
}
