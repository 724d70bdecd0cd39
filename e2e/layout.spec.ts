import type { Page } from '@playwright/test';
import { expect, test, type Desktop } from './fixtures';
import { DEMO_GESTIONNAIRE } from './support/data';
import { signIn, signInAsDemo, syncSettled } from './support/screens';

/** The laptops training centres buy (issue 16), sidebar open. */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
] as const;

/**
 * Pages another helper is rewriting right now (the dashboard, the date fields, the settings' dark
 * mode): measured and logged, but not failed on, until the lead merges their work and removes them.
 * Matched against the address (pathname). Empty when written: every page, those included, fits.
 */
const KNOWN_EXCEPTIONS: readonly string[] = [];

/**
 * Screens opened from a menu page rather than from the menu itself (the dashboard's counts, a
 * table's "Détails"...), each reached by a click from the page before, as a user would.
 */
const FURTHER_PAGES: ReadonlyArray<{ from: string; open: (page: Page) => Promise<void> }> = [
  {
    from: '/rechercher-des-profils',
    open: (page) =>
      page
        .getByRole('link', { name: /^Détails du profil de / })
        .first()
        .click(),
  },
  {
    from: '/suivi-des-employeurs',
    open: (page) => page.getByRole('link', { name: 'Ajouter un employeur' }).first().click(),
  },
  {
    from: '/suivi-des-employeurs',
    open: (page) => page.getByRole('link', { name: 'Importer un fichier CSV' }).first().click(),
  },
  {
    from: '/suivi-des-employeurs',
    open: (page) =>
      page
        .getByRole('table', { name: 'Employeurs partenaires de la structure' })
        .getByRole('rowheader')
        .first()
        .getByRole('link')
        .click(),
  },
];

/**
 * Deep links into screens that only the dashboard (being rewritten) links to; "Candidatures" last,
 * whose first application's details are then opened by its "Détails".
 */
const DEEP_LINKS = ['/mon-espace/modeles-de-reponse', '/mon-espace/candidatures'] as const;

function menu(page: Page) {
  return page.getByRole('navigation', { name: 'Menu principal' });
}

/** Waits for the screen at `pathname`: its h1, then its loaders gone (tables are then drawn). */
async function settled(page: Page, pathname: string): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === pathname);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole('main').getByLabel(/^(Chargement|Recherche (des|de l|en cours))/)).toHaveCount(
    0,
  );
}

/**
 * The page does not scroll sideways, and every table's last column header is in the window (a
 * table in a scroll box of its own would otherwise hide its last columns).
 */
async function expectFits(page: Page, size: string): Promise<void> {
  const pathname = new URL(page.url()).pathname;
  const where = `${pathname} à ${size}`;
  const exempt = KNOWN_EXCEPTIONS.includes(pathname);
  const check = exempt ? (ok: boolean, why: string) => ok || console.log(`[exception] ${why}`) : null;

  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  const pageWhy = `${where} : la page défile horizontalement (${scrollWidth} > ${innerWidth})`;
  if (check) check(scrollWidth <= innerWidth, pageWhy);
  else expect.soft(scrollWidth, pageWhy).toBeLessThanOrEqual(innerWidth);

  for (const table of await page.getByRole('table').all()) {
    const header = table.getByRole('columnheader').last();
    if ((await header.count()) === 0) continue;
    const box = (await header.boundingBox())!;
    const right = Math.round(box.x + box.width);
    const name = (await header.textContent())?.trim();
    const why = `${where} : la colonne « ${name} » sort de la fenêtre (${right} > ${innerWidth})`;
    if (check) check(right <= innerWidth, why);
    else expect.soft(right, why).toBeLessThanOrEqual(innerWidth);
  }
}

/** Every page of the menu (links, in their order), then the screens reached from them. */
async function visitAll(desktop: Desktop, size: string): Promise<void> {
  const { page } = desktop;
  const links = menu(page).getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    const pathname = new URL((await link.getAttribute('href'))!, page.url()).pathname;
    await link.click();
    // A page the account may not open sends it home (the gestionnaire and the users' page).
    await expect(page.getByRole('main').getByRole('heading', { level: 1 }).first()).toBeVisible();
    await settled(page, new URL(page.url()).pathname);
    await test.step(`${pathname} à ${size}`, () => expectFits(page, size));
  }
  for (const further of FURTHER_PAGES) {
    await menu(page)
      .getByRole('link')
      .and(page.locator(`[href="${further.from}"]`))
      .click();
    await settled(page, further.from);
    await further.open(page);
    await expect(page).not.toHaveURL((url) => url.pathname === further.from);
    await settled(page, new URL(page.url()).pathname);
    await expectFits(page, size);
  }
  for (const pathname of DEEP_LINKS) {
    await desktop.goto(pathname);
    await settled(page, pathname);
    await expectFits(page, size);
  }
  await page
    .getByRole('link', { name: /^Détails de la candidature/ })
    .first()
    .click();
  await expect(page).not.toHaveURL((url) => url.pathname === DEEP_LINKS[1]);
  await settled(page, new URL(page.url()).pathname);
  await expectFits(page, size);
}

/** On a short window the menu scrolls inside itself: its last entry can be reached by the keyboard. */
async function expectMenuScrolls(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  const links = menu(page).getByRole('link');
  const last = links.last();
  await links.first().focus();
  // The window is short enough for the test to mean something.
  await expect(last).not.toBeInViewport({ ratio: 1 });
  for (let presses = 0; presses < 60; presses++) {
    if (await last.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport({ ratio: 1 });
}

for (const who of ['référent', 'gestionnaire'] as const) {
  // One sign-in per account, both sizes on the same page: the window is resized, not reopened.
  test(`à 1280×800 et 1366×768, aucune page du menu (${who}) ne défile horizontalement et chaque tableau montre sa dernière colonne ; le menu défile seul sur une fenêtre basse`, async ({
    desktop,
  }) => {
    test.setTimeout(240_000);
    const { page } = desktop;
    await page.setViewportSize(SIZES[0]);
    if (who === 'référent') await signInAsDemo(page);
    else {
      await signIn(page, DEMO_GESTIONNAIRE.mail, DEMO_GESTIONNAIRE.password);
      await expect(page.getByRole('heading', { level: 1, name: /^Bonjour / })).toBeVisible();
      await syncSettled(page);
    }
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await visitAll(desktop, `${size.width}×${size.height}`);
    }
    await expectMenuScrolls(page);
  });
}
