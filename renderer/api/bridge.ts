import type { Bridge } from '../../shared/ipc/bridge';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Exposed by Electron's preload script; absent in an ordinary browser. */
    api?: Bridge;
  }
}

let current: Bridge | undefined;

/** Electron's preload bridge when there is one, otherwise the web host over HTTP. */
export function bridge(): Bridge {
  current ??= window.api ?? createHttpBridge();
  return current;
}
