import { isAppUrl } from './origin';

export interface SenderFrame {
  url: string;
  /** True for the window's top frame (not an iframe). */
  isMainFrame: boolean;
}

/** IPC is answered only for our own page's top frame. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return Boolean(frame && frame.isMainFrame && isAppUrl(frame.url));
}
