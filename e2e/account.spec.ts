import { expect, test } from './fixtures';
import { expectScreen } from './support/a11y';
import { AGRICOLE_THES, DEMO, newMail, STRONG_PASSWORD } from './support/data';
import { connectivity, field, fillRegistration, openMenuEntry, signIn, signOut } from './support/screens';

test('créer un compte, se connecter, rattacher sa structure par Siret, la retrouver dans Mon compte', async ({
  desktop,
}) => {
  const { page } = desktop;
  const mail = newMail();

  await expectScreen(page, 'Se connecter');
  await page.getByRole('link', { name: 'Créer un compte' }).click();
  await expectScreen(page, 'Créer un compte');
  await fillRegistration(page, { mail, firstName: 'Léa' });

  await expect(page.getByRole('status').filter({ hasText: 'Votre compte a été créé' })).toBeVisible();
  await expect(field(page, 'Mail')).toHaveValue(mail);
  await signIn(page, mail, STRONG_PASSWORD);

  // First login: the structure is asked for, and the directory fills its identity.
  await expectScreen(page, 'Ma structure');
  await field(page, 'Siret').fill(AGRICOLE_THES.typed);
  await expect(field(page, 'Raison sociale')).toHaveValue(AGRICOLE_THES.legalName);
  await expect(field(page, 'Code NAF')).toHaveValue(AGRICOLE_THES.nafCode);
  await expect(field(page, "Domaine d'activité")).toHaveValue(AGRICOLE_THES.nafLabel);
  await expectScreen(page, 'Ma structure');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expectScreen(page, 'Bonjour Léa');
  await expect(page.getByRole('banner')).toContainText(AGRICOLE_THES.legalName);
  await expect(connectivity(page)).toHaveText('En ligne');

  await openMenuEntry(page, 'Ma structure');
  await expectScreen(page, 'Ma structure');
  const main = page.getByRole('main');
  for (const text of [
    AGRICOLE_THES.siret,
    AGRICOLE_THES.legalName,
    AGRICOLE_THES.nafCode,
    AGRICOLE_THES.nafLabel,
    'Saint-Pée-sur-Nivelle',
  ]) {
    await expect(main).toContainText(text);
  }

  await openMenuEntry(page, 'Mes informations personnelles');
  await expectScreen(page, 'Mes informations personnelles');
  await expect(field(page, 'Numéro de portable')).toHaveValue('06 12 34 56 78');

  await signOut(page);
});

test('après un redémarrage sans plateforme, « Ma structure » s’affiche depuis le cache local et l’indicateur dit hors ligne', async ({
  desktop,
}) => {
  await signIn(desktop.page, DEMO.mail, DEMO.password);
  await expectScreen(desktop.page, `Bonjour ${DEMO.firstName}`);
  await expect(connectivity(desktop.page)).toHaveText('En ligne');

  await desktop.stopPlatform();
  await desktop.restart();
  const { page } = desktop;

  await expectScreen(page, `Bonjour ${DEMO.firstName}`);
  await expect(connectivity(page)).toHaveText('Hors ligne');
  await openMenuEntry(page, 'Ma structure');
  await expectScreen(page, 'Ma structure');
  await expect(page.getByRole('main')).toContainText(DEMO.structure);
  await expect(page.getByRole('banner')).toContainText(DEMO.structure);

  // The platform comes back: "Réessayer la connexion" turns the indicator green again.
  await desktop.startPlatform();
  await page.getByRole('button', { name: 'Réessayer la connexion' }).click();
  await expect(connectivity(page)).toHaveText('En ligne');
});
