import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_PREFIX, SAVE_PDF_CHANNEL, type Bridge } from '../../shared/ipc/bridge';
import type { Envelope } from '../../shared/ipc/envelope';
import type { CoreEvent } from '../../shared/ipc/events';

const UNKNOWN: Envelope<never> = {
  ok: false,
  error: { code: 'not_found', message: 'Canal inconnu de l’application.' },
};

/**
 * `window.api`: invoke a channel, listen to core events. No ipcRenderer object reaches the page.
 * The main process registers exactly the contract's channels and validates every input, so
 * this script stays tiny (no schemas in it): an unknown channel has no handler and says so.
 */
export function createPreloadBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Bridge {
  return {
    async invoke(channel, input) {
      if (typeof channel !== 'string') return UNKNOWN;
      try {
        return await ipc.invoke(`${IPC_PREFIX}${channel}`, input);
      } catch {
        return UNKNOWN;
      }
    },
    async savePdf(request) {
      try {
        return await ipc.invoke(SAVE_PDF_CHANNEL, request);
      } catch {
        return UNKNOWN;
      }
    },
    subscribe(listener) {
      const handler = (_event: IpcRendererEvent, event: CoreEvent) => listener(event);
      ipc.on(IPC_EVENT_CHANNEL, handler);
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, handler);
      };
    },
  };
}
