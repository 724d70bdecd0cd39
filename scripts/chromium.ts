import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The flags our machines run Chromium with (no sandbox as root, no background networking). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface BrowserSearch {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Where Playwright would have installed its Chromium (whether it did or not). */
  playwrightChromium: string | undefined;
  exists(file: string): boolean;
}

function googleChrome(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') return ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  if (platform === 'win32')
    return [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
      .filter((dir): dir is string => Boolean(dir))
      .map((dir) => path.win32.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  return ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
}

/**
 * The browsers the e2e tests may drive, in the order they are tried: the one named by
 * PLAYWRIGHT_CHROMIUM_EXECUTABLE (or CHROMIUM_PATH), a Chromium Playwright installed, Debian's
 * Chromium, then Google Chrome.
 */
export function browserCandidates(search: Omit<BrowserSearch, 'exists'>): string[] {
  const named = [search.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, search.env.CHROMIUM_PATH];
  return [
    ...named,
    search.playwrightChromium,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    ...googleChrome(search.env, search.platform),
  ].filter((file): file is string => Boolean(file));
}

export function findBrowser(search: BrowserSearch): string | undefined {
  return browserCandidates(search).find((file) => search.exists(file));
}

/** How to get a browser for the tests on this OS, in one sentence. */
export function browserInstallHint(platform: NodeJS.Platform): string {
  const how =
    platform === 'darwin'
      ? 'installez Google Chrome ou « brew install --cask chromium »'
      : platform === 'win32'
        ? 'installez Google Chrome'
        : 'installez Chromium avec « sudo apt-get install -y chromium »';
  return `Aucun navigateur pour les tests de bout en bout : ${how}, ou indiquez son chemin dans PLAYWRIGHT_CHROMIUM_EXECUTABLE (jamais « npx playwright install »).`;
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** The browser the e2e tests and the screenshots drive on this machine (undefined: none found). */
export const CHROMIUM_PATH: string | undefined = findBrowser({
  env: process.env,
  platform: process.platform,
  playwrightChromium: playwrightChromium(),
  exists: existsSync,
});
