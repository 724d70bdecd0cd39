/** The app speaks French whatever the OS's language: Chromium's own parts (dates, dialogs) too. */
export const APP_LOCALE = 'fr-FR';

/**
 * The spell checker's languages: French where Chromium's dictionaries have it. macOS checks
 * with the OS's own spell checker (Electron's setting is ignored there): none to set.
 */
export function spellCheckerLanguages(platform: NodeJS.Platform, available: readonly string[]): string[] {
  if (platform === 'darwin') return [];
  return ['fr-FR', 'fr'].filter((code) => available.includes(code)).slice(0, 1);
}
