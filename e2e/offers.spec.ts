import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { employerName, type Employer } from '../shared/domain/employers';
import { HANDICAP_COMMITMENT } from '../shared/domain/offers';
import { expect, test, type Desktop } from './fixtures';
import { expectScreen } from './support/a11y';
import { AGRICOLE_THES, HOSTILE_TEXT, newMail, STRONG_PASSWORD } from './support/data';
import { platformAs } from './support/platform-api';
import { choose, rowWith, syncNow, watchForInjection } from './support/pickers';
import { field, fillRegistration, openMenuEntry, signIn, signInAsDemo, syncSettled } from './support/screens';

const MY_OFFERS = 'Mes offres';
const CREATE = 'Créer une offre';
const PUBLIC = 'Consulter toutes les offres';
const COOK = 'Cuisinier / Cuisinière (G1609)';

function tab(page: Page, label: string) {
  return page.getByRole('tab', { name: new RegExp(`^${label} \\(`) });
}

/** The tabs' counts, once loaded. */
async function counts(page: Page) {
  const read = async (label: string) => {
    await expect(tab(page, label)).toHaveText(/\(\d+\)$/);
    return Number(/\((\d+)\)$/.exec((await tab(page, label).textContent()) ?? '')![1]);
  };
  return {
    enCours: await read('En cours'),
    pourvues: await read('Pourvues'),
    archivees: await read('Archivées'),
  };
}

/** Signs in the demo référent, once an accepted partner employer is on this desktop. */
async function signInWithEmployer(desktop: Desktop): Promise<Employer> {
  const { page } = desktop;
  const employer = await (await platformAs(desktop.platformUrl)).acceptedEmployer();
  await signInAsDemo(page);
  await openMenuEntry(page, 'Suivi des employeurs');
  await page.getByRole('searchbox', { name: 'Rechercher un employeur' }).fill(employer.siret);
  await expect(rowWith(page, employerName(employer)).getByText('Acceptée', { exact: true })).toBeVisible();
  return employer;
}

/** Fills "Créer une offre" (the page must be open). */
async function fillOffer(page: Page, employer: Employer, title: string): Promise<void> {
  await choose(page, "L'employeur", employerName(employer));
  await field(page, 'Intitulé').fill(title);
  await choose(page, 'Métier', COOK, 'G1609');
  await choose(page, 'Diplômes', 'CAP Cuisine', 'CAP Cuis');
  await choose(page, 'Diplômes', 'Bac pro Cuisine', 'Bac pro Cuis');
  await page.keyboard.press('Escape');
  await choose(page, 'Type de contrat', 'Apprentissage');
  await page.getByLabel('Date de début').fill('01/09/2026');
  await field(page, 'Durée (mois)').fill('24');
  await field(page, 'Nombre de postes').fill('2');
  await field(page, "Rythme de l'alternance").fill('2 semaines en entreprise, 1 semaine au CFA');
  await choose(page, 'Lieu', 'Bordeaux (33000)', 'Bordeaux');
  await field(page, 'Description').fill(`Brigade de 6 personnes. ${HOSTILE_TEXT}`);
  await page.getByRole('checkbox', { name: HANDICAP_COMMITMENT }).check();
}

test('une offre créée plateforme arrêtée est « provisoire », numérotée au retour ; modifiée, dupliquée, pourvue puis archivée', async ({
  desktop,
}) => {
  // A long scenario (a platform stopped and started again, a dozen accessibility checks).
  test.setTimeout(180_000);
  const { page } = desktop;
  const injection = watchForInjection(page);
  const employer = await signInWithEmployer(desktop);
  await openMenuEntry(page, MY_OFFERS);
  await expectScreen(page, MY_OFFERS);
  const before = await counts(page);

  await openMenuEntry(page, CREATE);
  await desktop.stopPlatform();
  const title = `Commis de cuisine ${HOSTILE_TEXT}`;
  await fillOffer(page, employer, title);
  await expect(page.getByRole('main')).toContainText('CAP Cuisine');
  await expect(page.getByRole('main')).toContainText('Bac pro Cuisine');
  await expectScreen(page, CREATE);
  await page.getByRole('button', { name: 'Publier l’offre' }).click();

  // The notification first: it closes after a few seconds.
  await expect(page.getByText(/^Offre « .+ » publiée « En cours »/)).toBeVisible();
  await expectScreen(page, MY_OFFERS);
  const row = rowWith(page, title);
  await expect(row).toContainText('provisoire');
  await expect(row).toContainText('En attente de synchronisation');
  await expect(row).toContainText('6 mois après sa publication');
  await expect(row).toContainText(employerName(employer));
  await expect(row.getByRole('img', { name: HANDICAP_COMMITMENT })).toBeVisible();
  await expect(tab(page, 'En cours')).toHaveText(`En cours (${before.enCours + 1})`);
  await expectScreen(page, MY_OFFERS);

  await desktop.startPlatform();
  await syncNow(page);
  await expect(row).not.toContainText('provisoire');
  await expect(row).not.toContainText('En attente de synchronisation');
  await expect(row).toContainText('Archivage automatique le');
  const number = ((await row.getByRole('cell').first().textContent()) ?? '').trim();
  expect(number).toMatch(/^\d+$/);

  // "Modifier": the same form, filled with the offer.
  await row.getByRole('link', { name: /^Modifier/ }).click();
  await expectScreen(page, 'Modifier l’offre');
  await expect(field(page, 'Intitulé')).toHaveValue(title);
  await expect(page.getByRole('textbox', { name: 'Métier', exact: true })).toHaveValue(COOK);
  await expect(page.getByRole('main')).toContainText('Bac pro Cuisine');
  const edited = `${title} (H/F)`;
  await field(page, 'Intitulé').fill(edited);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expectScreen(page, MY_OFFERS);
  const offers = rowWith(page, edited);
  await expect(offers).toHaveCount(1);
  await expect(offers.getByRole('cell').first()).toHaveText(number);

  // "Dupliquer": a new offer, numbered at the sync (sent at once here: the platform is up); the
  // original keeps its number.
  await offers.getByRole('button', { name: /^Dupliquer/ }).click();
  await expect(page.getByText(/Copie de/)).toBeVisible();
  await expect(offers).toHaveCount(2);
  await expect(tab(page, 'En cours')).toHaveText(`En cours (${before.enCours + 2})`);
  await syncNow(page);
  await expect(offers.filter({ hasText: 'provisoire' })).toHaveCount(0);
  const numbers = await offers.evaluateAll((rows) =>
    rows.map((r) => r.querySelector('td')?.textContent?.trim() ?? ''),
  );
  expect(numbers).toContain(number);
  expect(new Set(numbers).size).toBe(2);
  const original = offers.filter({ has: page.getByRole('cell', { name: number, exact: true }) });

  // "Marquer comme pourvue", confirmed first.
  await original.getByRole('button', { name: /^Marquer comme pourvue/ }).click();
  const filling = page.getByRole('dialog', { name: 'Marquer comme pourvue' });
  await expect(filling).toContainText('« Pourvues »');
  await filling.getByRole('button', { name: 'Marquer comme pourvue' }).click();
  await expect(offers).toHaveCount(1);
  await expect(tab(page, 'En cours')).toHaveText(`En cours (${before.enCours + 1})`);
  await expect(tab(page, 'Pourvues')).toHaveText(`Pourvues (${before.pourvues + 1})`);
  await tab(page, 'Pourvues').click();
  await expect(page).toHaveURL(/onglet=pourvue/);
  await expect(rowWith(page, edited).getByRole('cell').first()).toHaveText(number);
  await expectScreen(page, MY_OFFERS);

  // "Archiver", confirmed first.
  await rowWith(page, edited)
    .getByRole('button', { name: /^Archiver/ })
    .click();
  await page.getByRole('dialog', { name: 'Archiver' }).getByRole('button', { name: 'Archiver' }).click();
  await expect(tab(page, 'Pourvues')).toHaveText(`Pourvues (${before.pourvues})`);
  await expect(tab(page, 'Archivées')).toHaveText(`Archivées (${before.archivees + 1})`);
  await tab(page, 'Archivées').click();
  await expect(rowWith(page, edited).getByRole('cell').first()).toHaveText(number);
  await expectScreen(page, MY_OFFERS);
  await syncNow(page);
  await expect(rowWith(page, edited)).not.toContainText('En attente de synchronisation');
  await injection.expectNone();
});

test('« Créer une offre » refuse un formulaire incomplet avec un message sur chaque champ', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInWithEmployer(desktop);
  await openMenuEntry(page, CREATE);
  await page.getByRole('button', { name: 'Publier l’offre' }).click();
  for (const label of ['Intitulé', 'Métier', 'Diplômes', 'Type de contrat', 'Lieu', 'Description']) {
    await expect(page.getByRole('textbox', { name: label, exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  }
  await expect(page.getByLabel('Date de début')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Le champ « Intitulé » est obligatoire.')).toBeVisible();
  await expect(page.getByText('Choisissez au moins un diplôme.')).toBeVisible();
  await expect(page.getByText('Date de début invalide')).toBeVisible();
  await expectScreen(page, CREATE);
});

test('sans employeur accepté, « Créer une offre » l’explique et mène à « Ajouter un employeur »', async ({
  desktop,
}) => {
  const { page } = desktop;
  const mail = newMail();
  await page.getByRole('link', { name: 'Créer un compte' }).click();
  await fillRegistration(page, { mail, firstName: 'Ainhoa', lastName: 'Irigoyen' });
  await signIn(page, mail, STRONG_PASSWORD);
  await field(page, 'Siret').fill(AGRICOLE_THES.typed);
  await expect(field(page, 'Raison sociale')).toHaveValue(AGRICOLE_THES.legalName);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expectScreen(page, 'Bonjour Ainhoa');

  await openMenuEntry(page, CREATE);
  await expect(page.getByRole('status').filter({ hasText: 'Aucun employeur accepté' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publier l’offre' })).toBeDisabled();
  await expectScreen(page, CREATE);
  await page.getByRole('main').getByRole('link', { name: 'Ajouter un employeur' }).click();
  await expectScreen(page, 'Ajouter un employeur');
});

test('« Consulter toutes les offres » trouve l’offre publiée ; les filtres de « Mes offres » tiennent dans l’adresse ; l’export suit l’onglet', async ({
  desktop,
}) => {
  const { page } = desktop;
  const injection = watchForInjection(page);
  const employer = await signInWithEmployer(desktop);
  await openMenuEntry(page, CREATE);
  const title = `Cuisinier pâtissier ${HOSTILE_TEXT}`;
  await fillOffer(page, employer, title);
  await page.getByRole('button', { name: 'Publier l’offre' }).click();
  await expectScreen(page, MY_OFFERS);
  await syncNow(page);
  // The outbox first (a failure then says whether the sync or the screen is behind), then the row.
  await syncSettled(page);
  const row = rowWith(page, title);
  await expect(row).not.toContainText('provisoire');
  const number = ((await row.getByRole('cell').first().textContent()) ?? '').trim();

  // Deep links keep the filters.
  await desktop.goto('/mes-offres?contrat=stage');
  await expectScreen(page, MY_OFFERS);
  await expect(page.getByRole('textbox', { name: 'Type de contrat', exact: true })).toHaveValue('Stage');
  await expect(row).toHaveCount(0);
  await desktop.goto('/mes-offres?contrat=apprentissage&metier=G1609&commune=33063');
  await expect(page.getByRole('textbox', { name: 'Métier', exact: true })).toHaveValue(COOK);
  await expect(page.getByRole('textbox', { name: 'Commune', exact: true })).toHaveValue('Bordeaux (33000)');
  await expect(row).toHaveCount(1);
  await expectScreen(page, MY_OFFERS);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^offres-en-cours-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await file.path())!)).toString('utf8');
  expect(csv.startsWith("\uFEFFN° d'offre;Intitulé;")).toBe(true);
  expect(csv).toContain(`${number};${title};`);

  await openMenuEntry(page, PUBLIC);
  await expectScreen(page, PUBLIC);
  await field(page, 'Mots-clés').fill('pâtissier');
  await choose(page, 'Commune', 'Bordeaux (33000)', 'Bordeaux');
  await field(page, 'Rayon (km)').fill('10');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  const result = page.getByRole('article', { name: `N° ${number} — ${title}` });
  await expect(result).toContainText(employerName(employer));
  // The structure's trade name when it has one ("CFA GIRONDE METIERS").
  await expect(result).toContainText(/StructureCFA .*GIRONDE/);
  await expect(result).toContainText('Bordeaux (à 0 km)');
  await expect(result).toContainText('Apprentissage');
  await expect(result).toContainText('CAP Cuisine (niveau 3)');
  await expect(result).toContainText(HANDICAP_COMMITMENT);
  await expect(result).toContainText(HOSTILE_TEXT);
  await expectScreen(page, PUBLIC);

  await desktop.stopPlatform();
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('nécessite la plateforme');
  await expect(field(page, 'Mots-clés')).toHaveValue('pâtissier');
  await expectScreen(page, PUBLIC);
  await injection.expectNone();
});
