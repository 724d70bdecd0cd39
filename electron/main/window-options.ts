import type { BrowserWindowConstructorOptions } from 'electron';

/** The main window's default and minimum size (a remembered size is checked against these). */
export const MAIN_WINDOW_SIZE = { width: 1280, height: 820, minWidth: 960, minHeight: 640 } as const;

/** The main window: isolated, sandboxed renderer without Node (DESIGN.md §6). */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...MAIN_WINDOW_SIZE,
    show: false,
    title: 'Alternance Nouvelle-Aquitaine',
    backgroundColor: '#ffffff',
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
