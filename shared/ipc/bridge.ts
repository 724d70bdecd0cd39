import type { ChannelInput, ChannelName, ChannelOutput } from './contract';
import type { SavePdfRequest, SavePdfResult } from './desktop';
import type { Envelope } from './envelope';
import type { CoreEvent } from './events';

/** The object the preload script exposes as `window.api`, and that the web transport imitates. */
export interface Bridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>>;
  /** Returns a function that stops listening. */
  subscribe(listener: (event: CoreEvent) => void): () => void;
  /** Electron only (absent on the web host): « Enregistrer en PDF » of the current page. */
  savePdf?(request: SavePdfRequest): Promise<Envelope<SavePdfResult>>;
}

/** The Electron IPC channel names, prefixed so nothing else on ipcMain collides with them. */
export const IPC_PREFIX = 'core:';
export const IPC_EVENT_CHANNEL = 'core-event';
/** « Enregistrer en PDF »: outside the `core:` prefix, the main process answers it itself. */
export const SAVE_PDF_CHANNEL = 'desktop:save-pdf';
