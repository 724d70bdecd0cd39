import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { employerName } from '../shared/domain/employers';
import { expect, test } from './fixtures';
import { expectScreen } from './support/a11y';
import { CONTACT, HOSTILE_TEXT, UNKNOWN_VALID_SIRET, validSirets } from './support/data';
import { directoryEntry, platformAs } from './support/platform-api';
import { rowWith, syncNow, watchForInjection } from './support/pickers';
import { field, openMenuEntry, signInAsDemo } from './support/screens';

const EMPLOYERS = 'Suivi des employeurs';
const ADD = 'Ajouter un employeur';
const IMPORT = 'Importer un fichier CSV';

async function openEmployers(page: Page): Promise<void> {
  await signInAsDemo(page);
  await openMenuEntry(page, EMPLOYERS);
}

async function fillContact(page: Page, lastName = CONTACT.lastName): Promise<void> {
  await field(page, 'Nom du contact').fill(lastName);
  await field(page, 'Prénom du contact').fill(CONTACT.firstName);
  await field(page, 'Mail du contact').fill(CONTACT.mail);
  await page.getByRole('textbox', { name: 'Téléphone du contact' }).fill(CONTACT.phone);
}

function search(page: Page, text: string) {
  return page.getByRole('searchbox', { name: 'Rechercher un employeur' }).fill(text);
}

/** Chooses a CSV file made of `content` in the import page (written in `encoding`). */
async function chooseCsv(page: Page, content: string, encoding: BufferEncoding = 'utf8') {
  await page.getByLabel('Fichier CSV', { exact: true }).setInputFiles({
    name: 'employeurs.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(content, encoding),
  });
}

test('« Ajouter un employeur » par son Siret : « En attente » sur ce poste, acceptée à la synchronisation', async ({
  desktop,
}) => {
  const { page } = desktop;
  const injection = watchForInjection(page);
  const platform = await platformAs(desktop.platformUrl);
  const [siret] = await platform.freeSirets(1);
  const company = await directoryEntry(desktop.platformUrl, siret!);
  await openEmployers(page);
  await expectScreen(page, EMPLOYERS);

  await page.getByRole('link', { name: ADD }).click();
  await expectScreen(page, ADD);
  await field(page, 'Siret').fill(siret!);
  await expect(field(page, 'Raison sociale')).toHaveValue(company.legalName);
  await expect(field(page, "Domaine d'activité")).toHaveValue(company.nafLabel);
  await expect(page.getByRole('main')).toContainText('jamais montrées aux candidats');
  await fillContact(page, HOSTILE_TEXT);
  await expectScreen(page, ADD);

  // The platform stays away until the request has been seen waiting on this desktop.
  await desktop.stopPlatform();
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  // The notification first: it closes after a few seconds.
  await expect(page.getByText(/Demande enregistrée/)).toBeVisible();
  await expectScreen(page, EMPLOYERS);
  const row = rowWith(page, HOSTILE_TEXT);
  await expect(row.getByText('En attente', { exact: true })).toBeVisible();
  await expect(row).toContainText('En attente de synchronisation');
  await expect(row).toContainText(`${CONTACT.firstName} ${HOSTILE_TEXT}`);
  await expectScreen(page, EMPLOYERS);

  await desktop.startPlatform();
  await syncNow(page);
  await expect(row.getByText('Acceptée', { exact: true })).toBeVisible();
  await expect(row).toContainText(employerName(company));
  await expect(row).not.toContainText('En attente de synchronisation');
  expect((await platform.employers()).find((employer) => employer.siret === siret)).toMatchObject({
    status: 'acceptee',
    contactLastName: HOSTILE_TEXT,
  });
  await injection.expectNone();
});

test('hors ligne, l’annuaire est consulté à la synchronisation ; un Siret inconnu est refusé avec son motif', async ({
  desktop,
}) => {
  const { page } = desktop;
  await openEmployers(page);
  await page.getByRole('link', { name: ADD }).click();
  await desktop.stopPlatform();

  // One digit off the Agricole Thés' number: refused here, before any request.
  await field(page, 'Siret').fill('921 934 444 00017');
  await expect(field(page, 'Siret')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Numéro de Siret invalide')).toBeVisible();
  await field(page, 'Siret').fill(UNKNOWN_VALID_SIRET);
  await expect(
    page.getByRole('status').filter({ hasText: 'consulté à la prochaine synchronisation' }),
  ).toBeVisible();
  await fillContact(page);
  await expectScreen(page, ADD);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();

  await expectScreen(page, EMPLOYERS);
  const row = rowWith(page, UNKNOWN_VALID_SIRET);
  await expect(row.getByText('En attente', { exact: true })).toBeVisible();
  await desktop.startPlatform();
  await syncNow(page);
  await expect(row.getByText('Refusée', { exact: true })).toBeVisible();
  await expect(row).toContainText(/Motif : Aucun établissement ne correspond à ce Siret/);
});

test('la fiche d’un employeur : son contact se modifie, « Créer une offre » le choisit d’avance', async ({
  desktop,
}) => {
  const { page } = desktop;
  const platform = await platformAs(desktop.platformUrl);
  const employer = await platform.acceptedEmployer();
  const name = employerName(employer);
  await openEmployers(page);
  await search(page, employer.siret);
  await page.getByRole('link', { name, exact: true }).click();
  await expectScreen(page, name);
  await expect(page.getByRole('main')).toContainText('Acceptée');

  await page.getByRole('textbox', { name: 'Téléphone du contact' }).fill('06 11 22 33 44');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Modifications enregistrées')).toBeVisible();
  await syncNow(page);
  await expect
    .poll(async () => (await platform.employers()).find((e) => e.id === employer.id)?.contactPhone)
    .toBe('+33611223344');

  await page.getByRole('main').getByRole('link', { name: 'Créer une offre' }).click();
  await expectScreen(page, 'Créer une offre');
  await expect(page.getByRole('textbox', { name: "L'employeur", exact: true })).toHaveValue(name);
});

test('import CSV (Excel, Windows-1252) : colonnes reconnues, lignes vérifiées, rapport des lignes rejetées', async ({
  desktop,
}) => {
  const { page } = desktop;
  const injection = watchForInjection(page);
  const platform = await platformAs(desktop.platformUrl);
  const [first, second] = await platform.freeSirets(2);
  const csv = [
    'SIRET;Nom;Prénom;E-mail;Tél.',
    `${first};Harriague;Maite;maite@exemple.fr;05 59 12 34 56`,
    '1234;Dupont;Jean;jean@exemple.fr;05 59 00 00 00',
    '',
    `${second};"Etchart; fils";Peio;pas-un-mail;05 59 00 00 00`,
    `${second};Etchart;${HOSTILE_TEXT};peio@exemple.fr;05 59 00 00 01`,
    `${first};Autre;Contact;autre@exemple.fr;05 59 00 00 02`,
    `${UNKNOWN_VALID_SIRET};Inconnu;Jean;jean@exemple.fr;`,
  ].join('\r\n');
  await openEmployers(page);
  await page.getByRole('link', { name: IMPORT }).click();
  await expectScreen(page, IMPORT);
  await chooseCsv(page, csv, 'latin1');

  // Columns guessed from the headers, accents read right.
  await expect(page.getByRole('textbox', { name: 'Siret', exact: true })).toHaveValue('SIRET');
  await expect(page.getByRole('textbox', { name: 'Nom du contact', exact: true })).toHaveValue('Nom');
  await expect(page.getByRole('textbox', { name: 'Prénom du contact', exact: true })).toHaveValue('Prénom');
  await expect(page.getByRole('textbox', { name: 'Mail du contact', exact: true })).toHaveValue('E-mail');
  await expect(page.getByRole('textbox', { name: 'Téléphone du contact', exact: true })).toHaveValue('Tél.');
  await expectScreen(page, IMPORT);
  await page.getByRole('button', { name: 'Vérifier les lignes' }).click();

  const main = page.getByRole('main');
  await expect(main).toContainText('3 lignes valides');
  await expect(main).toContainText('3 lignes rejetées');
  await expect(rowWith(page, '1234')).toContainText('Numéro de Siret invalide');
  await expect(page.getByRole('row').filter({ hasText: /^5/ })).toContainText('Mail du contact invalide');
  await expect(rowWith(page, UNKNOWN_VALID_SIRET)).toContainText('Téléphone du contact');
  await expectScreen(page, IMPORT);
  // Nothing is imported before the confirmation.
  expect((await platform.employers()).filter((e) => e.siret === first || e.siret === second)).toEqual([]);

  await page.getByRole('button', { name: 'Importer 3 employeurs' }).click();
  await expect(main.getByRole('status').filter({ hasText: 'importés' })).toContainText(
    '2 employeurs importés, 4 lignes rejetées.',
  );
  const lines = page.getByRole('table', { name: 'Lignes non importées' }).getByRole('row');
  await expect(lines).toHaveCount(5);
  await expect(lines.nth(1)).toContainText('3');
  await expect(lines.nth(3)).toContainText(/^7/);
  await expect(lines.nth(3)).toContainText('plusieurs fois');
  await expectScreen(page, IMPORT);

  await page.getByRole('link', { name: 'Voir le suivi des employeurs' }).click();
  await expectScreen(page, EMPLOYERS);
  await search(page, second!);
  await expect(page.getByRole('status').filter({ hasText: 'employeur' })).toContainText('1 employeur sur');
  await expect(rowWith(page, HOSTILE_TEXT)).toContainText(`${HOSTILE_TEXT} Etchart`);
  await syncNow(page);
  await expect(rowWith(page, HOSTILE_TEXT).getByText('Acceptée', { exact: true })).toBeVisible();
  await injection.expectNone();
});

/** Drops files on the import page's zone, as the file explorer would (a DataTransfer). */
async function dropFiles(page: Page, files: Array<{ name: string; type: string; content: string }>) {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const { name, type, content } of list) data.items.add(new File([content], name, { type }));
    return data;
  }, files);
  const zone = page.getByRole('region', { name: 'Zone de dépôt du fichier CSV' });
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

test('import CSV par glisser-déposer : le fichier déposé est lu comme un fichier choisi ; un autre type est refusé', async ({
  desktop,
}) => {
  const { page } = desktop;
  const platform = await platformAs(desktop.platformUrl);
  const [siret] = await platform.freeSirets(1);
  await openEmployers(page);
  await page.getByRole('link', { name: IMPORT }).click();
  await expectScreen(page, IMPORT);

  await dropFiles(page, [{ name: 'photo.png', type: 'image/png', content: 'pas un csv' }]);
  await expect(page.getByRole('alert')).toContainText('« photo.png » n’est pas un fichier CSV (.csv).');

  const csv = ['Siret;Nom;Prénom;Mail;Téléphone', `${siret};Harriague;Maite;maite@exemple.fr;05 59 12 34 56`];
  await dropFiles(page, [{ name: 'employeurs.csv', type: 'text/csv', content: csv.join('\r\n') }]);
  await expect(page.getByRole('main')).toContainText('« employeurs.csv » : 1 ligne');
  await expect(page.getByRole('textbox', { name: 'Siret', exact: true })).toHaveValue('Siret');
  await page.getByRole('button', { name: 'Vérifier les lignes' }).click();
  await expect(page.getByRole('main')).toContainText('1 ligne valide');
  await expectScreen(page, IMPORT);
});

test('des milliers d’employeurs : la liste est virtualisée, se trie au clavier et s’exporte pour Excel', async ({
  desktop,
}) => {
  const { page } = desktop;
  const count = 2500;
  const sirets = validSirets(count);
  const csv = [
    'Siret,Nom du contact,Prénom du contact,Mail du contact,Téléphone du contact',
    ...sirets.map(
      (siret, i) =>
        `${siret},Lasalle${i},Camille,contact${i}@exemple.fr,05 59 00 ${String(i % 100).padStart(2, '0')} 00`,
    ),
  ].join('\n');
  await openEmployers(page);
  // Kept on this desktop: the platform would refuse these numbers at the next synchronisation.
  await desktop.stopPlatform();
  await page.getByRole('link', { name: IMPORT }).click();
  await chooseCsv(page, csv);
  await page.getByRole('button', { name: 'Vérifier les lignes' }).click();
  await page.getByRole('button', { name: /^Importer 2\s500 employeurs$/ }).click();
  await expect(page.getByRole('main')).toContainText(/2\s500 employeurs importés\./);
  await page.getByRole('link', { name: 'Voir le suivi des employeurs' }).click();
  await expectScreen(page, EMPLOYERS);

  const table = page.getByRole('table', { name: 'Employeurs partenaires de la structure' });
  const total = Number(await table.getAttribute('aria-rowcount')) - 1;
  expect(total).toBeGreaterThanOrEqual(count);
  await expect(page.getByRole('status').filter({ hasText: 'employeurs' })).toContainText(/\d employeurs/);
  // Only the rows in view are in the page.
  expect(await table.getByRole('row').count()).toBeLessThan(100);

  const siretHeader = table.getByRole('columnheader', { name: /^Siret/ });
  await expect(siretHeader).toHaveAttribute('aria-sort', 'none');
  await siretHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(siretHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Enter');
  await expect(siretHeader).toHaveAttribute('aria-sort', 'descending');

  await search(page, 'lasalle2499');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toHaveAttribute('aria-rowindex', '2');
  await search(page, '');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^employeurs-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toContain('Siret;');
  expect(lines[0]).toContain("Domaine d'activité");
  expect(lines.filter(Boolean)).toHaveLength(total + 1);
  expect(
    lines.some((line) => line.includes(`${sirets[0]!.replace(/^(\d{3})(\d{3})(\d{3})/, '$1 $2 $3 ')}`)),
  ).toBe(true);
});
