import { _electron, test as base, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import path from 'node:path';
import { browserInstallHint, CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { ELECTRON_MISSING, electronVersion, findElectronBinary } from '../scripts/electron-binary';
import { electronSqliteBinding } from '../scripts/electron-sqlite';
import { repoRoot, startNodeProcess, type Running } from '../scripts/processes';
import { createTestDatabase } from '../platform/db/test-postgres';
import { testProxy, type TestProxy } from './support/test-proxy';

export type Target = 'web' | 'electron';

/** The app under test, whatever its target, with the reference platform behind it. */
export interface Desktop {
  page: Page;
  platformUrl: string;
  /** Stops the reference platform (the desktop becomes offline). */
  stopPlatform(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  startPlatform(): Promise<void>;
  /** Quits the app and starts it again on the same local data; `page` is the new window. */
  restart(): Promise<void>;
  /** Loads a path of the app, as a deep link or a reload would. */
  goto(pathname: string): Promise<void>;
}

interface WorkerFixtures {
  target: Target;
  chromium: () => Promise<Browser>;
}

interface TestFixtures {
  desktop: Desktop;
  /**
   * The instant the core's clock starts at (`test.use({ desktopNow: '…' })`), then running on;
   * the web host only (`--now`): an Electron run of such a test is skipped.
   */
  desktopNow: string | undefined;
  /** Holds back each chunk of the sync answers by this many ms (`test.use`): progress to see. */
  slowSyncMs: number | undefined;
  /** The platform seems to have no live stream (`test.use`): the desktop syncs on its own schedule only. */
  withoutLiveStream: boolean;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  target: ['web', { option: true, scope: 'worker' }],
  desktopNow: [undefined, { option: true }],
  slowSyncMs: [undefined, { option: true }],
  withoutLiveStream: [false, { option: true }],

  // Launched on first use only, so the electron project never needs a Chromium.
  chromium: [
    async ({ playwright }, use) => {
      let browser: Promise<Browser> | undefined;
      await use(() => {
        if (!CHROMIUM_PATH) throw new Error(browserInstallHint(process.platform));
        browser ??= playwright.chromium.launch({
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        });
        return browser;
      });
      if (browser) await (await browser).close();
    },
    { scope: 'worker' },
  ],

  desktop: async ({ target, chromium, desktopNow, slowSyncMs, withoutLiveStream }, use, testInfo) => {
    const electronBinary = target === 'electron' ? findElectronBinary() : null;
    if (target === 'electron' && !electronBinary) testInfo.skip(true, ELECTRON_MISSING);
    if (target === 'electron' && desktopNow) testInfo.skip(true, 'desktopNow : hôte web seulement (--now).');

    const platformData = testInfo.outputPath('platform');
    const desktopData = testInfo.outputPath('desktop');
    // E2E_PLATFORM_DIALECT=postgres: each test's platform on a fresh PostgreSQL database, the
    // regional deployment's engine (the same flows, not run by default: SQLite is the suite's).
    const database = process.env.E2E_PLATFORM_DIALECT === 'postgres' ? await createTestDatabase() : undefined;
    const platformArgs = (port: string) => [
      '--port',
      port,
      ...(database ? ['--database', database.url] : ['--data', platformData]),
      '--seed',
      'demo',
    ];
    let platform: Running = await startNodeProcess('platform/cli.ts', platformArgs('0'));
    const platformUrl = platform.url;
    const platformPort = new URL(platformUrl).port;
    // The desktop talks to the platform through it; specs' own REST calls go straight.
    const proxy: TestProxy | undefined =
      slowSyncMs || withoutLiveStream
        ? await testProxy(platformUrl, { ...(slowSyncMs ? { slowSyncMs } : {}), withoutLiveStream })
        : undefined;
    const desktopPlatformUrl = proxy?.url ?? platformUrl;

    let host: Running | undefined;
    let electronApp: ElectronApplication | undefined;
    let page!: Page;

    const launch = async () => {
      if (target === 'web') {
        host = await startNodeProcess(
          'electron/host/cli.ts',
          [
            '--port',
            '0',
            '--data',
            desktopData,
            '--platform',
            desktopPlatformUrl,
            ...(desktopNow ? ['--now', desktopNow] : []),
          ],
          /Ouvrez (http:\/\/\S+) /,
        );
        if (!page) page = await (await (await chromium()).newContext({ locale: 'fr-FR' })).newPage();
        await page.goto(host.url);
      } else {
        electronApp = await _electron.launch({
          executablePath: electronBinary!,
          // better-sqlite3 compiled for Electron, beside the Node copy the other tests use.
          env: {
            ...process.env,
            BETTER_SQLITE3_ELECTRON_BINDING: await electronSqliteBinding(electronVersion()),
          },
          args: [
            path.join(repoRoot, 'dist-electron', 'main.js'),
            `--platform-url=${desktopPlatformUrl}`,
            `--user-data-dir=${desktopData}`,
          ],
        });
        page = await electronApp.firstWindow();
      }
    };
    const quit = async () => {
      await host?.stop();
      await electronApp?.close();
      host = undefined;
      electronApp = undefined;
    };

    await launch();
    const desktop: Desktop = {
      get page() {
        return page;
      },
      platformUrl,
      stopPlatform: () => platform.stop(),
      async startPlatform() {
        platform = await startNodeProcess('platform/cli.ts', platformArgs(platformPort));
      },
      async restart() {
        await quit();
        await launch();
      },
      async goto(pathname) {
        // Same origin as the current page: app:// in Electron, the host (whose cookie is set) on the web.
        await page.goto(new URL(pathname, page.url()).toString());
      },
    };
    await use(desktop);

    await page
      ?.context()
      .close()
      .catch(() => undefined);
    await quit();
    await proxy?.close();
    await platform.stop();
    await database?.drop();
  },
});

export { expect } from '@playwright/test';
