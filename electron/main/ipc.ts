import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_PREFIX } from '../../shared/ipc/bridge';
import { channelNames } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import type { Invoke } from '../core/dispatch';
import { isTrustedSender } from './security/ipc-sender';

export const REFUSED: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Appel refusé : il ne vient pas de la fenêtre de l’application.' },
};

export function senderOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>) {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
}

/** One `ipcMain.handle` per channel of the contract, each checking who calls. */
export function registerCoreChannels(ipcMain: Pick<IpcMain, 'handle'>, invoke: Invoke): void {
  for (const channel of channelNames) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async (event, input: unknown) => {
      if (!isTrustedSender(senderOf(event))) return REFUSED;
      return invoke(channel, input);
    });
  }
}
