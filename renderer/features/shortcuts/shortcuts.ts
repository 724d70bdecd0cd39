/** What a keyboard shortcut does in the app. */
export type ShortcutAction = 'back' | 'forward' | 'search' | 'print';

export interface Shortcut {
  action: ShortcutAction;
  /** The keys as shown to the user on this OS ("Alt+←", "⌘+["). */
  keys: string;
  label: string;
}

export const SHORTCUTS_PATH = '/aide/raccourcis-clavier';

const isMac = (platform: string) => /mac|iphone|ipad/i.test(platform);

/** Every shortcut of the app, as « Raccourcis clavier » lists them on this OS. */
export function shortcutList(platform: string): Shortcut[] {
  const mac = isMac(platform);
  const mod = mac ? '⌘' : 'Ctrl';
  return [
    { action: 'back', keys: mac ? '⌘+[' : 'Alt+←', label: 'Page précédente' },
    { action: 'forward', keys: mac ? '⌘+]' : 'Alt+→', label: 'Page suivante' },
    { action: 'search', keys: `${mod}+K`, label: 'Rechercher dans toute l’application' },
    { action: 'print', keys: `${mod}+P`, label: 'Imprimer la page (une candidature, un profil)' },
  ];
}

/** The part of a keyboard event a shortcut depends on. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/**
 * The action of a key press, or undefined. Ctrl/⌘+K is handled by the search itself
 * (Mantine Spotlight): it is listed, not dispatched here.
 */
export function shortcutOf(press: KeyPress, platform: string): Exclude<ShortcutAction, 'search'> | undefined {
  const mac = isMac(platform);
  const mod = mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  if (press.shiftKey) return undefined;
  if (mac) {
    if (mod && !press.altKey && press.key === '[') return 'back';
    if (mod && !press.altKey && press.key === ']') return 'forward';
  } else if (press.altKey && !press.ctrlKey && !press.metaKey) {
    if (press.key === 'ArrowLeft') return 'back';
    if (press.key === 'ArrowRight') return 'forward';
  }
  if (mod && !press.altKey && press.key.toLowerCase() === 'p') return 'print';
  return undefined;
}
