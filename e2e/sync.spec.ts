import { expect, test } from './fixtures';
import { expectScreen } from './support/a11y';
import { DEMO } from './support/data';
import { syncNow } from './support/pickers';
import { platformAs } from './support/platform-api';
import { connectivity, field, openMenuEntry, signIn, signInAsDemo, syncStatus } from './support/screens';

// These specs are about changes that wait and meet others' on the platform: the live stream would
// bring the others' changes before this desktop's, so the platform seems to have none here (the
// desktop then pulls at its own syncs, as with a platform without live sync).
test.use({ withoutLiveStream: true });

test('une modification de « Ma structure » faite plateforme arrêtée attend, puis part au retour de la plateforme', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openMenuEntry(page, 'Ma structure');

  await desktop.stopPlatform();
  await field(page, 'Nom commercial').fill('CFA Gironde — Campus de Bordeaux');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByText('En attente de synchronisation')).toBeVisible();
  await expect(syncStatus(page)).toContainText('1 modification en attente');
  await expect(syncStatus(page)).toContainText('injoignable');
  await expect(connectivity(page)).toHaveText('Hors ligne');
  await expect(field(page, 'Nom commercial')).toHaveValue('CFA Gironde — Campus de Bordeaux');
  await expectScreen(page, 'Ma structure');

  await desktop.startPlatform();
  await syncNow(page);
  await expect(page.getByText('En attente de synchronisation')).toBeHidden();
  await expect(syncStatus(page)).toContainText('Synchronisé le');
  await expect(connectivity(page)).toHaveText('En ligne');
  const platform = await platformAs(desktop.platformUrl);
  expect(await platform.structure()).toMatchObject({
    tradeName: 'CFA Gironde — Campus de Bordeaux',
    version: 2,
  });
});

test('un conflit sur un champ se résout dans « Conflits de synchronisation »', async ({ desktop }) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openMenuEntry(page, 'Ma structure');

  // Someone else changes the field on the platform; this desktop has not pulled it yet (its
  // next pull comes with its own change), so its edit is made on the older version.
  await (await platformAs(desktop.platformUrl)).editStructure({ website: 'https://www.cfa-gironde.example' });
  await field(page, 'Site internet').fill('https://campus.cfa-gironde.example');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.getByText('Conflit de synchronisation')).toBeVisible();
  await page.getByRole('link', { name: 'Résoudre le conflit' }).click();
  await expectScreen(page, 'Conflits de synchronisation');
  const conflict = page.getByRole('group', { name: 'Site internet' });
  await expect(conflict).toContainText('https://campus.cfa-gironde.example');
  await expect(conflict).toContainText('https://www.cfa-gironde.example');
  await conflict.getByRole('button', { name: 'Garder ma version' }).click();
  await expect(page.getByText('Aucun conflit')).toBeVisible();

  await syncNow(page);
  await expect(syncStatus(page)).toContainText('Synchronisé le');
  expect(await (await platformAs(desktop.platformUrl)).structure()).toMatchObject({
    website: 'https://campus.cfa-gironde.example',
  });
  await openMenuEntry(page, 'Ma structure');
  await expect(field(page, 'Site internet')).toHaveValue('https://campus.cfa-gironde.example');
  await openMenuEntry(page, 'Modifications refusées');
  await expectScreen(page, 'Modifications refusées');
  await expect(page.getByText('Aucune modification refusée.')).toBeVisible();
});

test('« Mes informations personnelles » se modifient hors ligne aussi', async ({ desktop }) => {
  const { page } = desktop;
  await signIn(page, DEMO.mail, DEMO.password);
  await openMenuEntry(page, 'Mes informations personnelles');
  await expectScreen(page, 'Mes informations personnelles');
  await desktop.stopPlatform();
  await field(page, 'Numéro de portable').fill('07 11 22 33 44');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('En attente de synchronisation')).toBeVisible();
  await desktop.startPlatform();
  await syncNow(page);
  await expect(page.getByText('En attente de synchronisation')).toBeHidden();
  await expect(field(page, 'Numéro de portable')).toHaveValue('07 11 22 33 44');
});
