import { describe, expect, it } from 'vitest';
import { browserCandidates, findBrowser } from './chromium';
import { postgresBinaries } from '../platform/db/postgres-binaries';
import { missingPrerequisites, type MachineProbe } from './preflight';

const ready: MachineProbe = {
  nodeVersion: 'v20.20.2',
  platform: 'linux',
  browser: '/usr/bin/chromium',
  sqliteLoadError: () => null,
  postgres: '/usr/lib/postgresql/15/bin',
  ci: false,
};

describe('test preflight', () => {
  it('says nothing on a machine that has everything', () => {
    expect(missingPrerequisites(ready)).toEqual([]);
  });

  it('names a missing browser in one sentence, with the way to install one on this OS', () => {
    const linux = missingPrerequisites({ ...ready, browser: undefined });
    expect(linux).toHaveLength(1);
    expect(linux[0]).toContain('sudo apt-get install -y chromium');
    expect(linux[0]).toContain('PLAYWRIGHT_CHROMIUM_EXECUTABLE');
    expect(missingPrerequisites({ ...ready, platform: 'darwin', browser: undefined })[0]).toContain(
      'brew install --cask chromium',
    );
    expect(missingPrerequisites({ ...ready, platform: 'win32', browser: undefined })[0]).toContain(
      'installez Google Chrome',
    );
  });

  it('names an unbuilt SQLite module and an old Node, each in its own sentence', () => {
    const missing = missingPrerequisites({
      ...ready,
      nodeVersion: 'v18.19.0',
      sqliteLoadError: () => 'Could not locate the bindings file.\n → more lines',
    });
    expect(missing).toHaveLength(2);
    expect(missing[0]).toContain('v18.19.0');
    expect(missing[1]).toContain('Could not locate the bindings file.');
    expect(missing[1]).not.toContain('more lines');
  });
});

describe('PostgreSQL for npm run test:postgres', () => {
  it('is required in CI, where those tests must run, in one sentence saying how to install it', () => {
    const missing = missingPrerequisites({ ...ready, postgres: undefined, ci: true });
    expect(missing).toEqual([expect.stringContaining('apt-get install postgresql')]);
    expect(missingPrerequisites({ ...ready, ci: true })).toEqual([]);
  });

  it('is optional elsewhere: the PostgreSQL tests are skipped with one sentence', () => {
    expect(missingPrerequisites({ ...ready, postgres: undefined })).toEqual([]);
  });
});

describe('postgresBinaries', () => {
  it('finds initdb and pg_ctl in PLATFORM_POSTGRES_BIN, or says none', () => {
    expect(postgresBinaries({ PLATFORM_POSTGRES_BIN: '/nonexistent/bin' })).toBeUndefined();
  });
});

describe('browser for the e2e tests', () => {
  const search = {
    env: {},
    platform: 'linux' as const,
    playwrightChromium: '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome',
  };

  it('tries the named one, Playwright’s, Debian’s Chromium, then Google Chrome, in that order', () => {
    expect(
      browserCandidates({ ...search, env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE: '/opt/chromium/chrome' } }),
    ).toEqual([
      '/opt/chromium/chrome',
      search.playwrightChromium,
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
    ]);
  });

  it('takes the first that exists, and none when none does', () => {
    const only = (file: string) => (candidate: string) => candidate === file;
    expect(findBrowser({ ...search, exists: only('/usr/bin/chromium-browser') })).toBe(
      '/usr/bin/chromium-browser',
    );
    expect(findBrowser({ ...search, exists: () => true })).toBe(search.playwrightChromium);
    expect(findBrowser({ ...search, exists: () => false })).toBeUndefined();
  });

  it('knows where Google Chrome lives on Windows and macOS', () => {
    const windows = browserCandidates({
      env: { PROGRAMFILES: 'C:\\Program Files' },
      platform: 'win32',
      playwrightChromium: undefined,
    });
    expect(windows).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(browserCandidates({ env: {}, platform: 'darwin', playwrightChromium: undefined })).toContain(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
  });
});
