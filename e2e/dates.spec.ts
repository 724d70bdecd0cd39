import type { Page } from '@playwright/test';
import { employerName, type Employer } from '../shared/domain/employers';
import { HANDICAP_COMMITMENT } from '../shared/domain/offers';
import { expect, test, type Desktop } from './fixtures';
import { expectAccessible, expectScreen } from './support/a11y';
import { choose, rowWith } from './support/pickers';
import { platformAs } from './support/platform-api';
import { field, openMenuEntry, signInAsDemo, syncSettled, syncStatus } from './support/screens';

const CREATE = 'Créer une offre';
const MY_OFFERS = 'Mes offres';
const START = 'Date de début';

/** Signs the demo référent in with an accepted partner employer to publish for. */
async function signInWithEmployer(desktop: Desktop): Promise<Employer> {
  const employer = await (await platformAs(desktop.platformUrl)).acceptedEmployer();
  // Accepted before signing in: the first sync brings it.
  await signInAsDemo(desktop.page);
  return employer;
}

/** "Créer une offre" filled but for its start date. */
async function fillOfferButDate(page: Page, employer: Employer, title: string): Promise<void> {
  await choose(page, "L'employeur", employerName(employer));
  await field(page, 'Intitulé').fill(title);
  await choose(page, 'Métier', 'Cuisinier / Cuisinière (G1609)', 'G1609');
  await choose(page, 'Diplômes', 'CAP Cuisine', 'CAP Cuis');
  await page.keyboard.press('Escape');
  await choose(page, 'Type de contrat', 'Apprentissage');
  await field(page, 'Durée (mois)').fill('12');
  await choose(page, 'Lieu', 'Bordeaux (33000)', 'Bordeaux');
  await field(page, 'Description').fill('Brigade de 4 personnes.');
  await page.getByRole('checkbox', { name: HANDICAP_COMMITMENT }).check();
}

test('une date se tape en JJ/MM/AAAA, se relit ainsi et part en ISO ; les dates affichées sont françaises', async ({
  desktop,
}) => {
  const { page } = desktop;
  const employer = await signInWithEmployer(desktop);
  await openMenuEntry(page, CREATE);
  const title = `Commis de cuisine ${Date.now()}`;
  await fillOfferButDate(page, employer, title);

  const start = field(page, START);
  await expect(start).toHaveAttribute('placeholder', 'JJ/MM/AAAA');
  await start.fill('15/01/2027');
  // The calendar follows, in French, weeks from Monday.
  await expect(page.getByRole('button', { name: 'janvier 2027', exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader').first()).toHaveText('lu');
  await expect(page.getByRole('button', { name: '15 janvier 2027', exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Tab');
  await expect(start).toHaveValue('15/01/2027');
  await expectScreen(page, CREATE);
  await page.getByRole('button', { name: 'Publier l’offre' }).click();
  await expectScreen(page, MY_OFFERS);

  // Stored as ISO, as the platform's API has it (sent at once: the platform is up).
  const platform = await platformAs(desktop.platformUrl);
  const startOnPlatform = async () => (await platform.offers()).find((o) => o.title === title)?.startDate;
  await expect.poll(startOnPlatform).toBe('2027-01-15');
  await syncSettled(page);

  // Dates shown in French: the day it was created, the archiving in words, the last sync.
  const row = rowWith(page, title);
  const today = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'Europe/Paris' });
  await expect(row).toContainText(today.format(new Date()));
  await expect(row).toContainText(
    /Archivage automatique le \d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/,
  );
  await expect(syncStatus(page)).toContainText(/Synchronisé (à l’instant|il y a \d+ minutes?)/);
  await expect(syncStatus(page).getByTitle(/^Synchronisé le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)).toBeVisible();

  // Reopened: shown as typed; a shorter form is read and shown in full.
  await row.getByRole('link', { name: /^Modifier/ }).click();
  await expectScreen(page, 'Modifier l’offre');
  await expect(field(page, START)).toHaveValue('15/01/2027');
  await field(page, START).fill('1/2/2027');
  await page.keyboard.press('Tab');
  await expect(field(page, START)).toHaveValue('01/02/2027');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expectScreen(page, MY_OFFERS);
  await expect.poll(startOnPlatform).toBe('2027-02-01');
});

test('une date impossible est refusée sur son champ, en français, et le texte reste à corriger', async ({
  desktop,
}) => {
  const { page } = desktop;
  const employer = await signInWithEmployer(desktop);
  await openMenuEntry(page, CREATE);
  await fillOfferButDate(page, employer, `Pâtissier ${Date.now()}`);

  const start = field(page, START);
  await start.fill('29/02/2027');
  await page.keyboard.press('Tab');
  await expect(start).toHaveValue('29/02/2027');
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(start).toHaveAccessibleDescription(
    'Le 29/02/2027 n’existe pas : vérifiez le jour et le mois (JJ/MM/AAAA).',
  );
  await expectScreen(page, CREATE);
  // Not sent: the form stays, the field still says why.
  await page.getByRole('button', { name: 'Publier l’offre' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CREATE })).toBeVisible();
  await expect(start).toHaveAttribute('aria-invalid', 'true');

  await start.fill('demain');
  await page.keyboard.press('Tab');
  await expect(start).toHaveAccessibleDescription(
    'Date invalide : saisissez-la au format JJ/MM/AAAA, par exemple 15/01/2027.',
  );

  // Corrected (a leap year this time): the error goes.
  await start.fill('29/02/2028');
  await page.keyboard.press('Tab');
  await expect(start).toHaveValue('29/02/2028');
  await expect(start).not.toHaveAttribute('aria-invalid', 'true');

  // The same field in the filters of "Candidatures": the address keeps ISO days.
  await desktop.goto('/mon-espace/candidatures');
  await expectScreen(page, 'Candidatures');
  const from = field(page, 'Reçue à partir du');
  await from.fill('01/09/2026');
  await page.keyboard.press('Tab');
  await expect(page).toHaveURL(/[?&]du=2026-09-01(&|$)/);
  await from.fill('31/09/2026');
  await page.keyboard.press('Tab');
  await expect(from).toHaveAccessibleDescription(
    'Le 31/09/2026 n’existe pas : vérifiez le jour et le mois (JJ/MM/AAAA).',
  );
  await expect(page).not.toHaveURL(/[?&]du=/);
  await expectScreen(page, 'Candidatures');

  // And in « Rechercher des profils ».
  await desktop.goto('/rechercher-des-profils');
  await expectScreen(page, 'Rechercher des profils');
  await page.getByRole('button', { name: 'Recherche avancée' }).click();
  await field(page, 'Disponible au plus tard le').fill('1/9/2026');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(page).toHaveURL(/[?&]disponible=2026-09-01(&|$)/);
  await expect(field(page, 'Disponible au plus tard le')).toHaveValue('01/09/2026');
});
