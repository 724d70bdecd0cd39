import { createCore } from '../create-core';
import { createAsker, serveCore } from './core-server';
import { portChannel, type ElectronLikePort } from './electron-port';
import type { CoreToHost, RemoteCoreOptions } from './protocol';
import { coreOptionsFrom } from './remote-core-options';
import { hostSecretStore } from './remote-secrets';

/**
 * The core in Electron's utility process (built to dist-electron/core.js). The main process
 * sends `{ type: 'start', options }` with a MessagePortMain; everything then goes over that
 * port. Typed here without `electron` (the core never imports it): what the process receives.
 */
interface UtilityMessageEvent {
  data: unknown;
  ports: ElectronLikePort[];
}
interface ParentPort {
  once(event: 'message', listener: (event: UtilityMessageEvent) => void): unknown;
}

/** Starts the core for the first `start` message and serves it on the port that came with it. */
export function serveInUtilityProcess(parent: ParentPort, create = createCore): void {
  parent.once('message', (event) => {
    const port = event.ports[0];
    if (!port) return;
    const channel = portChannel(port);
    port.start();
    const { options } = event.data as { options: RemoteCoreOptions };
    const ask = createAsker(channel);
    void create(coreOptionsFrom(options, hostSecretStore(ask))).then(
      (core) => {
        serveCore(core, channel);
        channel.postMessage({ type: 'ready' } satisfies CoreToHost);
      },
      (error: unknown) =>
        channel.postMessage({
          type: 'failed',
          message: error instanceof Error ? error.message : String(error),
        } satisfies CoreToHost),
    );
  });
}

const parentPort = (process as { parentPort?: ParentPort }).parentPort;
if (parentPort) serveInUtilityProcess(parentPort);
