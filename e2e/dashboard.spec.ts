import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, expectScreen } from './support/a11y';
import { openDashboard, signInAsDemo } from './support/screens';

const DAY_MS = 86_400_000;
const CHARTS = [
  'Candidatures reçues par semaine',
  'Délai médian avant une première réponse',
  'Candidatures par offre',
];

// The demo seed dates its applications from the platform's real clock (some "A traiter" since
// today or yesterday). The desktop's clock, 8 days ahead, makes every one of them overdue.
test.use({ desktopNow: new Date(Date.now() + 8 * DAY_MS).toISOString() });

/** The page scrolls neither way (the dashboard is one screen). */
async function expectNoPageScroll(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => ({
        height: document.documentElement.scrollHeight <= window.innerHeight,
        width: document.documentElement.scrollWidth <= window.innerWidth,
      })),
    )
    .toEqual({ height: true, width: true });
}

/** The number shown in the status tile "A traiter", "Recevables"… */
async function tileCount(page: Page, label: string): Promise<number> {
  const text = await page
    .getByRole('region', { name: 'Candidatures' })
    .getByRole('link', { name: new RegExp(`^${label}`) })
    .innerText();
  return Number(text.replace(label, '').replace(/\D/g, ''));
}

test('le tableau de bord tient dans 1366×768 : quatre blocs, trois graphiques, sans défilement', async ({
  desktop,
}) => {
  const { page } = desktop;
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAsDemo(page);
  await openDashboard(page);

  for (const block of ['Candidatures', 'À faire', 'Alertes', 'Favoris', ...CHARTS]) {
    const region = page.getByRole('region', { name: block, exact: true });
    await expect(region.getByRole('heading', { level: 2, name: block })).toBeVisible();
  }
  for (const chart of CHARTS)
    await expect(page.getByRole('img', { name: new RegExp(`^${chart} : graphique`) })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Alertes' }).getByRole('listitem')).toHaveCount(5);
  await expectNoPageScroll(page);
  await page.screenshot({ path: test.info().outputPath('dashboard.png') });
  // The other laptop size of the issue: wider than tall, still one screen.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoPageScroll(page);

  // Each status links to its tab of "Candidatures".
  await page
    .getByRole('region', { name: 'Candidatures' })
    .getByRole('link', { name: /^Recevables/ })
    .click();
  await expectScreen(page, 'Candidatures');
  await expect(page.getByRole('tab', { name: /^Recevables \(/, selected: true })).toBeVisible();
});

test('« Voir les données » : le tableau par semaine compte les mêmes candidatures que les statuts', async ({
  desktop,
}) => {
  const { page } = desktop;
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAsDemo(page);
  await openDashboard(page);
  const statuses = ['A traiter', 'Recevables', 'Refusées', 'Abandonnées'];
  const counts: number[] = [];
  for (const status of statuses) counts.push(await tileCount(page, status));

  const chart = page.getByRole('region', { name: 'Candidatures reçues par semaine' });
  await chart.getByRole('button', { name: 'Voir les données', pressed: false }).click();
  const table = chart.getByRole('table', { name: 'Candidatures reçues par semaine' });
  await expect(table.getByRole('columnheader')).toHaveText(['Semaine du', ...statuses, 'Total']);
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(13);
  const sums = new Array<number>(5).fill(0);
  for (const row of (await rows.all()).slice(1)) {
    const cells = await row.getByRole('cell').allInnerTexts();
    await expect(row.getByRole('rowheader')).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
    cells.forEach((cell, i) => (sums[i]! += Number(cell)));
  }
  // The demo's applications are all from the last 12 weeks: the table holds every one of them.
  expect(sums).toEqual([...counts, counts.reduce((a, b) => a + b, 0)]);
  // The table takes the chart's place: the dashboard does not grow.
  await expectNoPageScroll(page);
  await expectAccessible(page);
});

test('« À faire » liste une candidature sans réponse depuis plus de 7 jours, qui mène à ses détails', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openDashboard(page);
  const todo = page.getByRole('region', { name: 'À faire' });
  const waiting = todo.getByRole('link', { name: /sans réponse depuis \d+ jours$/ }).first();
  await expect(waiting).toBeVisible();
  const label = await waiting.innerText();
  expect(Number(/depuis (\d+) jours/.exec(label)![1])).toBeGreaterThan(7);
  await expect(todo).toContainText(/et \d+ autres/);
  const number = /Candidature n° (\d+)/.exec(label)![1];
  await waiting.click();
  await expectScreen(page, `Candidature n° ${number}`);
});

test('les pages « Alertes » et « Favoris » : menu, filtres, liste et export', async ({ desktop }) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openDashboard(page);
  await page.getByRole('link', { name: 'Voir toutes les alertes' }).click();
  await expectScreen(page, 'Alertes');
  const status = page.getByRole('status').filter({ hasText: /alertes?$/ });
  const all = Number((await status.innerText()).replace(/\D/g, ''));
  expect(all).toBeGreaterThan(5);
  const list = page.getByRole('region', { name: 'Liste des alertes' });
  // Not the reasons, listed inside each alert.
  const items = list
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /^Ignorer cette alerte/ }) });
  await expect(items.first()).toBeVisible();
  // Virtualised: far fewer items in the page than alerts.
  expect(await items.count()).toBeLessThan(all);

  await page.getByRole('textbox', { name: 'Score minimum' }).fill('100');
  await expect(status).not.toHaveText(`${all} alertes`);
  for (const item of await items.all()) await expect(item).toContainText('Score 100/100');
  await page.getByRole('textbox', { name: 'Score minimum' }).fill('0');
  const first = items.first();
  const name = await first.getByRole('link').first().innerText();
  await page.getByRole('textbox', { name: 'Rechercher' }).fill(name);
  await expect(items.first()).toContainText(name);
  for (const item of await items.all()) await expect(item).toContainText(name);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV : alertes' }).click();
  expect((await download).suggestedFilename()).toMatch(/^alertes-\d{4}-\d{2}-\d{2}\.csv$/);
  await page.getByRole('textbox', { name: 'Rechercher' }).fill('zzzz introuvable');
  await expect(page.getByText('Aucune alerte ne correspond à ces filtres.')).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: 'Favoris' })
    .click();
  await expectScreen(page, 'Favoris');
  await expect(page.getByRole('button', { name: 'Exporter en CSV : favoris' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Rechercher' }).fill('zzzz introuvable');
  await expect(page.getByRole('status').filter({ hasText: 'Aucun favori' })).toBeVisible();
  await expectAccessible(page);
});
