import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectAccessible, expectScreen } from './support/a11y';
import { openDashboard, openMenuEntry, signInAsDemo } from './support/screens';

// « Thème » (Paramètres › Apparence): the web target; Electron also sets nativeTheme from it.
test.skip(({ target }) => target !== 'web', 'the web host is enough for the renderer’s theme');

const scheme = (page: Page) => page.locator('html');

async function chooseTheme(page: Page, label: 'Clair' | 'Sombre' | 'Système'): Promise<void> {
  await openMenuEntry(page, 'Paramètres');
  await page.getByRole('radiogroup', { name: 'Thème' }).getByRole('radio', { name: label }).check();
}

test('« Thème » › Sombre assombrit l’application et le reste après un rechargement ; « Système » suit l’ordinateur', async ({
  desktop,
}) => {
  const { page } = desktop;
  await page.emulateMedia({ colorScheme: 'light' });
  await signInAsDemo(page);
  // By default the app follows the system, here light.
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');

  await chooseTheme(page, 'Sombre');
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByText('Votre réglage').first()).toBeVisible();
  await expectScreen(page, 'Paramètres');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByRole('radio', { name: 'Sombre' })).toBeChecked();

  await chooseTheme(page, 'Système');
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');

  // « Clair » wins over a dark system.
  await chooseTheme(page, 'Clair');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('en sombre, le tableau de bord, une candidature et « Paramètres » restent accessibles ; l’impression reste noir sur blanc', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await chooseTheme(page, 'Sombre');
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectAccessible(page);

  await openDashboard(page);
  await desktop.goto('/mon-espace/candidatures');
  await page
    .getByRole('link', { name: /^Détails de la candidature n° / })
    .first()
    .click();
  const heading = page.getByRole('heading', { level: 1, name: /^Candidature n° / });
  await expectScreen(page, /^Candidature n° /);
  // « Enregistrer en PDF » is the desktop app's (Electron's printToPDF); a browser prints to PDF itself.
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer en PDF' })).toHaveCount(0);

  const colours = () =>
    heading.evaluate((element) => ({
      text: getComputedStyle(element).color,
      page: getComputedStyle(document.body).backgroundColor,
    }));
  expect((await colours()).page).not.toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ media: 'print' });
  expect(await colours()).toEqual({ text: 'rgb(0, 0, 0)', page: 'rgb(255, 255, 255)' });
  await page.emulateMedia({ media: 'screen' });
});

test('le favicon est servi', async ({ desktop }) => {
  const { page } = desktop;
  const icons = await page
    .locator('link[rel="icon"]')
    .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
  expect(icons.length).toBe(2);
  for (const href of icons) {
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^image\//);
  }
});
