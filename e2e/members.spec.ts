import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { expectScreen } from './support/a11y';
import { DEMO, DEMO_GESTIONNAIRE, DEMO_PENDING, newMail, STRONG_PASSWORD } from './support/data';
import { choose, rowWith, syncNow } from './support/pickers';
import { platformAs } from './support/platform-api';
import {
  field,
  fillRegistration,
  openMenuEntry,
  signIn,
  signInAsDemo,
  signOut,
  syncSettled,
} from './support/screens';

const USERS_PAGE = 'Utilisateurs de ma structure';
/** A member in the page's lists reads "Prénom Nom (mail)". */
const memberOption = (mail: string) => new RegExp(`\\(${mail.replaceAll('.', '\\.')}\\)$`);

const REFERENT_ONLY = 'Seul le gestionnaire peut accéder aux rôles utilisateurs de ma structure';

test('le référent ajoute un collaborateur en attente comme gestionnaire, qui se connecte et voit la structure', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openMenuEntry(page, USERS_PAGE);
  await expect(rowWith(page, DEMO.mail)).toContainText('Référent');
  await expect(rowWith(page, DEMO_GESTIONNAIRE.mail)).toContainText('Gestionnaire');
  await expect(rowWith(page, DEMO_PENDING.mail)).toContainText('En attente de validation');
  await expectScreen(page, USERS_PAGE);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^utilisateurs-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await file.path())!)).toString('utf8');
  expect(csv).toContain('Prénom;Nom;Mail;Rôle;Date');
  expect(csv).toContain(`${DEMO_PENDING.mail};En attente de validation`);

  const adding = page.getByRole('region', { name: 'Ajouter un gestionnaire' });
  await choose(page, 'Collaborateur en attente', memberOption(DEMO_PENDING.mail));
  await adding.getByRole('button', { name: 'Ajouter' }).click();
  await expect(rowWith(page, DEMO_PENDING.mail)).toContainText('Gestionnaire');
  await expect(adding).toContainText('Aucune demande de rattachement en attente.');

  await signOut(page);
  await signIn(page, DEMO_PENDING.mail, DEMO_PENDING.password);
  await expect(page.getByRole('banner')).toContainText(DEMO.structure);
  await openMenuEntry(page, 'Ma structure');
  await expect(page.getByRole('main')).toContainText(DEMO.structure);
  // The entry is in every menu, as in the manual; a gestionnaire who opens it is sent home.
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: USERS_PAGE })
    .click();
  await expectScreen(page, /^Bonjour /);
  // The home page's notice (a toast about new applications may be up beside it).
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(REFERENT_ONLY);
});

test('le référent transfère ses droits ; devenu gestionnaire, il est renvoyé à l’accueil s’il rouvre la page', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openMenuEntry(page, USERS_PAGE);

  await choose(page, 'Nouveau référent', memberOption(DEMO_GESTIONNAIRE.mail));
  await page
    .getByRole('region', { name: 'Transférer mes droits' })
    .getByRole('button', { name: 'Transférer mes droits' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Transférer mes droits' });
  await expect(dialog).toContainText('vous en deviendrez gestionnaire');
  await dialog.getByRole('button', { name: 'Confirmer le transfert' }).click();

  await expectScreen(page, `Bonjour ${DEMO.firstName}`);
  await expect(page.getByRole('alert')).toContainText('Vos droits ont été transférés');
  // The entry stays in the menu, as in the manual; opening it as a gestionnaire sends home.
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: USERS_PAGE })
    .click();
  await expectScreen(page, `Bonjour ${DEMO.firstName}`);
  await expect(page.getByRole('alert')).toHaveText(REFERENT_ONLY);

  // A deep link to the page: home, with the manual's sentence.
  await desktop.goto('/mon-compte/utilisateurs-de-ma-structure');
  await expectScreen(page, `Bonjour ${DEMO.firstName}`);
  await expect(page.getByRole('alert')).toHaveText(REFERENT_ONLY);

  const roles = await (
    await platformAs(desktop.platformUrl, DEMO_GESTIONNAIRE.mail, DEMO_GESTIONNAIRE.password)
  ).members();
  expect(roles.filter((m) => m.role === 'referent').map((m) => m.mail)).toEqual([DEMO_GESTIONNAIRE.mail]);
});

test('un compte qui saisit le Siret d’une structure déjà inscrite attend la validation de son référent', async ({
  desktop,
}) => {
  const { page } = desktop;
  const mail = newMail();
  await page.getByRole('link', { name: 'Créer un compte' }).click();
  await fillRegistration(page, { mail, firstName: 'Inès', lastName: 'Duhalde' });
  await signIn(page, mail, STRONG_PASSWORD);
  await expectScreen(page, 'Ma structure');
  await field(page, 'Siret').fill('775 648 124 00029');
  await expect(field(page, 'Raison sociale')).toHaveValue(DEMO.structure);
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expectScreen(page, 'Demande de rattachement en attente');
  await expect(page.getByRole('status').filter({ hasText: 'Votre demande de rattachement' })).toContainText(
    DEMO.structure,
  );
  await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
  await expect(page.getByText('toujours en attente')).toBeVisible();
  // None of the structure's pages while waiting, even by their address.
  await desktop.goto('/mon-compte/ma-structure');
  await expectScreen(page, 'Demande de rattachement en attente');

  await (await platformAs(desktop.platformUrl)).approve(mail);
  await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
  await expectScreen(page, 'Bonjour Inès');
  await expect(page.getByRole('banner')).toContainText(DEMO.structure);
});

test('« Ma structure » refuse un téléphone, un mail et un site invalides, avec un message sur chaque champ', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openMenuEntry(page, 'Ma structure');
  await field(page, 'Adresse électronique').fill('contact@');
  await field(page, 'Téléphone').fill('12 34');
  await field(page, 'Site internet').fill('www cfa');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(field(page, 'Adresse électronique')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'Téléphone')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'Site internet')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Adresse électronique invalide')).toBeVisible();
  await expect(page.getByText('Numéro de téléphone invalide.')).toBeVisible();
  await expect(page.getByText('Site internet invalide')).toBeVisible();
  await expectScreen(page, 'Ma structure');
  // Nothing was saved.
  expect(await (await platformAs(desktop.platformUrl)).structure()).toMatchObject({ version: 1 });
});

test('changer de mail demande le mot de passe actuel ; un mauvais mot de passe est refusé sur son champ', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signIn(page, DEMO_GESTIONNAIRE.mail, DEMO_GESTIONNAIRE.password);
  await openMenuEntry(page, 'Mes informations personnelles');
  const section = page.getByRole('region', { name: 'Changer mon mail' });
  await section.getByRole('textbox', { name: 'Nouveau mail', exact: true }).fill('nouveau.mail@cfa-demo.fr');
  await section.getByLabel('Mot de passe actuel').fill('pas-le-bon-mot-de-passe');
  await section.getByRole('button', { name: 'Changer mon mail' }).click();
  await expect(section.getByLabel('Mot de passe actuel')).toHaveAttribute('aria-invalid', 'true');
  await expect(section).toContainText('Mot de passe actuel incorrect');
  await expectScreen(page, 'Mes informations personnelles');

  await section.getByLabel('Mot de passe actuel').fill(DEMO_GESTIONNAIRE.password);
  await section.getByRole('button', { name: 'Changer mon mail' }).click();
  await expect(page.getByRole('main')).toContainText('Mail actuel : nouveau.mail@cfa-demo.fr');
  await signOut(page);
  await signIn(page, 'nouveau.mail@cfa-demo.fr', DEMO_GESTIONNAIRE.password);
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
});

test('un gestionnaire retiré de la structure est déconnecté dès que la plateforme le signale ; ses données locales restent jusqu’à ce qu’il les supprime', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signIn(page, DEMO_GESTIONNAIRE.mail, DEMO_GESTIONNAIRE.password);
  await expect(page.getByRole('banner')).toContainText(DEMO.structure);
  // The first sync ends first: removed while it runs, they would be signed out by that one.
  await syncSettled(page);

  // No click: the platform pokes the desktop, whose pull finds the account no longer a member.
  await (await platformAs(desktop.platformUrl)).remove(DEMO_GESTIONNAIRE.mail);

  await expectScreen(page, 'Se connecter');
  const notice = page.getByRole('alert').filter({ hasText: 'Vous avez été déconnecté' });
  await expect(notice).toContainText(`ne faites plus partie de la structure « ${DEMO.structure} »`);
  await expect(notice).toContainText('restent sur ce poste');
  await notice.getByRole('button', { name: 'Supprimer les données locales de ce compte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer les données locales' });
  await dialog.getByRole('button', { name: 'Supprimer' }).click();
  await expect(notice).toBeHidden();
  await expectScreen(page, 'Se connecter');
});

test('des droits transférés depuis un autre poste arrivent à la synchronisation : le menu et la page suivent', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signIn(page, DEMO.mail, DEMO.password);
  await openMenuEntry(page, USERS_PAGE);

  await (await platformAs(desktop.platformUrl)).transfer(DEMO_GESTIONNAIRE.mail);
  await syncNow(page);

  await expectScreen(page, `Bonjour ${DEMO.firstName}`);
  await expect(page.getByRole('alert')).toHaveText(REFERENT_ONLY);
  await expect(
    page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: USERS_PAGE }),
  ).toHaveCount(1);
});
