import type { BrowserWindowConstructorOptions } from 'electron';
import path from 'node:path';

/** The window's icon, drawn by `npm run icons` into the renderer's folder (so it ships in the asar). */
export const WINDOW_ICON_FILE = 'app-icon.png';

export function windowIconPath(rendererDir: string): string {
  return path.join(rendererDir, WINDOW_ICON_FILE);
}

/** Before the page paints: Mantine's body colour in each scheme, so a dark window does not flash white. */
export const WINDOW_BACKGROUNDS = { light: '#ffffff', dark: '#242424' } as const;

export interface WindowAppearance {
  /** Linux and Windows show it in the title bar and task bar (macOS takes the bundle's). */
  icon?: string;
  dark?: boolean;
}

/** The main window's default and minimum size (a remembered size is checked against these). */
export const MAIN_WINDOW_SIZE = { width: 1280, height: 820, minWidth: 960, minHeight: 640 } as const;

/** The main window: isolated, sandboxed renderer without Node (DESIGN.md §6). */
export function mainWindowOptions(
  preloadPath: string,
  appearance: WindowAppearance = {},
): BrowserWindowConstructorOptions {
  return {
    ...MAIN_WINDOW_SIZE,
    show: false,
    title: 'Alternance Nouvelle-Aquitaine',
    backgroundColor: appearance.dark ? WINDOW_BACKGROUNDS.dark : WINDOW_BACKGROUNDS.light,
    ...(appearance.icon ? { icon: appearance.icon } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}
