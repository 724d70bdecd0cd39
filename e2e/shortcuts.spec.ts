import { expect, test } from './fixtures';
import { expectScreen } from './support/a11y';
import { openMenuEntry, signInAsDemo } from './support/screens';

test('« Raccourcis clavier » les liste ; Alt+← et Alt+→ reviennent et repartent d’une page à l’autre', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openMenuEntry(page, 'Raccourcis clavier');
  await expectScreen(page, 'Raccourcis clavier');
  const table = page.getByRole('table', { name: 'Raccourcis clavier de l’application' });
  await expect(table.getByRole('row', { name: /Alt\+← Page précédente/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Ctrl\+P Imprimer la page/ })).toBeVisible();

  await openMenuEntry(page, 'Mes offres');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByRole('heading', { level: 1, name: 'Raccourcis clavier' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes offres' })).toBeVisible();
});

test('« Imprimer » et Ctrl+P impriment une candidature sans menus ni boutons', async ({ desktop }) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await desktop.goto('/mon-espace/candidatures');
  await page
    .getByRole('link', { name: /^Détails de la candidature n° / })
    .first()
    .click();
  const heading = page.getByRole('heading', { level: 1, name: /^Candidature n° / });
  await expect(heading).toBeVisible();
  // The browser's print dialog cannot be driven: count the calls instead.
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Imprimer' }).click();
  await page.keyboard.press('Control+p');
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2);

  await page.emulateMedia({ media: 'print' });
  await expect(heading).toBeVisible();
  await expect(page.getByText('N° de candidature').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Menu principal' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Menu principal' })).toBeVisible();
});
