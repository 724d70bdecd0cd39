import type { NativeTheme } from 'electron';
import type { Theme } from '../../shared/domain/config';

/** What Chromium and the native parts (menus, dialogs, title bar) follow for each « Thème ». */
const THEME_SOURCES: Record<Theme, NativeTheme['themeSource']> = {
  system: 'system',
  light: 'light',
  dark: 'dark',
};

export function themeSourceOf(theme: Theme): NativeTheme['themeSource'] {
  return THEME_SOURCES[theme];
}

/**
 * Applies « Thème » to Electron's nativeTheme: native menus and dialogs follow it, and so does
 * the page's `prefers-color-scheme`, which Mantine's « Système » (auto) reads.
 */
export function applyTheme(target: Pick<NativeTheme, 'themeSource'>, theme: Theme): void {
  const source = themeSourceOf(theme);
  if (target.themeSource !== source) target.themeSource = source;
}
