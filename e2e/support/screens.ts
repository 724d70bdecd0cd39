import { expect, type Page } from '@playwright/test';
import { expectScreen } from './a11y';
import { DEMO, STRONG_PASSWORD } from './data';

export interface NewAccount {
  mail: string;
  password?: string;
  confirmation?: string;
  firstName?: string;
  lastName?: string;
  mobile?: string;
  consent?: boolean;
}

/** A text field by its label (Mantine's asterisk on required fields is not part of the name). */
export function field(page: Page, label: string) {
  return page.getByRole('textbox', { name: label, exact: true });
}

/** Fills "Créer un compte" (the page must be open) and presses "Valider". */
export async function fillRegistration(page: Page, account: NewAccount): Promise<void> {
  // The form first: typed while « Se connecter » was still on screen, the mail went to its field.
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un compte' })).toBeVisible();
  await field(page, 'Mail').fill(account.mail);
  await field(page, 'Mot de passe').fill(account.password ?? STRONG_PASSWORD);
  await field(page, 'Confirmation du mot de passe').fill(
    account.confirmation ?? account.password ?? STRONG_PASSWORD,
  );
  await field(page, 'Prénom').fill(account.firstName ?? 'Léa');
  await field(page, 'Nom').fill(account.lastName ?? 'Etcheverry');
  await field(page, 'Numéro de portable').fill(account.mobile ?? '06 12 34 56 78');
  if (account.consent ?? true)
    await page
      .getByRole('checkbox', { name: /J'accepte que les informations saisies soient exploitées/ })
      .check();
  await page.getByRole('button', { name: 'Valider' }).click();
}

export async function signIn(page: Page, mail: string, password: string): Promise<void> {
  await expectScreen(page, 'Se connecter');
  await field(page, 'Mail').fill(mail);
  await field(page, 'Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/**
 * Signs the demo référent in and waits for the home page, then for the first sync: it brings the
 * whole structure (hundreds of rows), and what a spec does next must not race it.
 */
export async function signInAsDemo(page: Page): Promise<void> {
  await signIn(page, DEMO.mail, DEMO.password);
  await expectScreen(page, `Bonjour ${DEMO.firstName}`);
  await syncSettled(page);
}

/** "Se déconnecter", keeping the account's data on this desktop (the dialog's default choice). */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page
    .getByRole('dialog', { name: 'Se déconnecter' })
    .getByRole('button', { name: 'Garder les données sur ce poste' })
    .click();
  await expectScreen(page, 'Se connecter');
}

/** The sync state of the shell (last sync, changes waiting, errors). */
export function syncStatus(page: Page) {
  return page.getByRole('status', { name: 'État de la synchronisation' });
}

/** Waits until the desktop has synced and has nothing left to send. */
export async function syncSettled(page: Page): Promise<void> {
  await expect(syncStatus(page)).toContainText('Synchronisé le');
  await expect(syncStatus(page)).not.toContainText('en attente');
}

/** The connectivity badge of the shell. */
export function connectivity(page: Page) {
  return page.getByRole('status', { name: /État de la connexion/ });
}

/** "Tableau de bord" (its menu entry carries a count: matched by its start). */
export async function openDashboard(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: /^Tableau de bord/ })
    .click();
  await expectScreen(page, 'Tableau de bord');
}

export async function openMenuEntry(page: Page, entry: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Menu principal' })
    .getByRole('link', { name: entry, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: entry })).toBeVisible();
}
