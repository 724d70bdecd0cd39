import { isAllowedExternal } from './external-links';
import { isAppUrl } from './origin';

/** `will-navigate` / `will-redirect`: the window only ever shows our own pages. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** `setWindowOpenHandler`: no new windows, ever; allow-listed links open in the browser instead. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * A link leaving the app (`target="_blank"` or a plain navigation): the URL to give
 * `shell.openExternal`, or null when it is not on the allow-list (then nothing happens).
 */
export function externalTarget(url: string): string | null {
  return !isAppUrl(url) && isAllowedExternal(url) ? new URL(url).toString() : null;
}
