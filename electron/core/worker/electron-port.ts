import type { MessageChannelLike } from './protocol';

/** Electron's MessagePortMain as seen without importing `electron` (the core never does). */
export interface ElectronLikePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  start(): void;
}

/** A MessagePortMain delivers `{ data }` events: the remote core's channel wants the data. */
export function portChannel(port: ElectronLikePort): MessageChannelLike {
  return {
    postMessage: (message) => port.postMessage(message),
    on: (_event, listener) => port.on('message', (event) => listener(event.data)),
  };
}
