import { isAppUrl } from './origin';

/** `will-navigate` / `will-redirect`: the window only ever shows our own pages. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** `setWindowOpenHandler`: no new windows, ever (links to the web open in the browser later, issue 8). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}
