import { expect, test } from './fixtures';
import { expectAccessible, expectScreen } from './support/a11y';
import { DEMO } from './support/data';
import { platformAs } from './support/platform-api';
import { field, openMenuEntry, signIn, signInAsDemo, syncStatus } from './support/screens';

test('« Aide » : l’espace ressources ne propose que des liens https et « À propos » dit la version et la plateforme', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openMenuEntry(page, 'Espace ressources');
  await expectScreen(page, 'Espace ressources');
  for (const section of ['Guides', 'Aide à la rémunération', 'Liens utiles'])
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  const links = page.getByRole('main').getByRole('link');
  expect(await links.count()).toBeGreaterThan(4);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('href', /^https:\/\//);
    await expect(link).toHaveAttribute('target', '_blank');
  }

  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('button', { name: 'À propos' })
    .click();
  const about = page.getByRole('dialog', { name: 'À propos' });
  await expect(about).toContainText('Version');
  await expect(about).toContainText(desktop.platformUrl);
  await expect(about).toContainText('Dossier des données');
  await expectAccessible(page);
  await about.getByRole('button', { name: 'Fermer' }).click();
  await expect(about).toBeHidden();
});

test('se déconnecter en effaçant les données du poste demande confirmation quand des modifications attendent', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openMenuEntry(page, 'Ma structure');
  await desktop.stopPlatform();
  await field(page, 'Nom commercial').fill('Modification jamais envoyée');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(syncStatus(page)).toContainText('1 modification en attente');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  const dialog = page.getByRole('dialog', { name: 'Se déconnecter' });
  await expect(dialog).toContainText('Une modification n’est pas encore envoyée');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Effacer les données de ce poste' }).click();
  await expect(dialog).toContainText('définitivement perdues');
  // Going back keeps everything as it was.
  await dialog.getByRole('button', { name: 'Retour' }).click();
  await dialog.getByRole('button', { name: 'Effacer les données de ce poste' }).click();
  await dialog.getByRole('button', { name: 'Effacer et perdre les modifications' }).click();
  await expectScreen(page, 'Se connecter');

  // The erased change never reaches the platform; signing in again downloads the structure.
  await desktop.startPlatform();
  await signIn(page, DEMO.mail, DEMO.password);
  await expectScreen(page, `Bonjour ${DEMO.firstName}`);
  const platform = await platformAs(desktop.platformUrl);
  expect(await platform.structure()).not.toMatchObject({ tradeName: 'Modification jamais envoyée' });
  await openMenuEntry(page, 'Ma structure');
  await expect(field(page, 'Nom commercial')).not.toHaveValue('Modification jamais envoyée');
});

test('« Paramètres » refuse une adresse invalide en nommant le champ, et garde le canal bêta choisi', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openMenuEntry(page, 'Paramètres');
  await expectScreen(page, 'Paramètres');

  const updateUrl = page.getByRole('textbox', { name: 'Adresse des mises à jour' });
  await updateUrl.fill('ftp://mises-a-jour.exemple.fr/');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(
    page.getByText('Adresse invalide : elle doit commencer par https:// ou http://.'),
  ).toBeVisible();

  await updateUrl.fill('https://mises-a-jour.exemple.fr/alternance/');
  await page.getByRole('textbox', { name: 'Canal de mise à jour' }).click();
  await page.getByRole('option', { name: 'Bêta (versions de test)' }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Votre réglage')).toHaveCount(2);

  // Kept on this computer across a restart.
  await desktop.restart();
  const again = desktop.page;
  await expectScreen(again, `Bonjour ${DEMO.firstName}`);
  await openMenuEntry(again, 'Paramètres');
  await expect(again.getByRole('textbox', { name: 'Canal de mise à jour' })).toHaveValue(
    'Bêta (versions de test)',
  );
  await expect(again.getByRole('textbox', { name: 'Adresse des mises à jour' })).toHaveValue(
    'https://mises-a-jour.exemple.fr/alternance/',
  );
});
