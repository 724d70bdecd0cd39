import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { CandidateClient, type CandidateProfile } from '../platform/candidate-client';
import { CONTACT_NEEDS_OFFER } from '../shared/domain/profiles';
import type { Offer } from '../shared/domain/offers';
import type { ProfileCreate } from '../shared/domain/candidates';
import { expect, test, type Desktop } from './fixtures';
import { expectScreen } from './support/a11y';
import { HOSTILE_TEXT, newMail, STRONG_PASSWORD } from './support/data';
import { choose, rowWith, syncNow, watchForInjection } from './support/pickers';
import { platformAs } from './support/platform-api';
import { field, openMenuEntry, signInAsDemo, syncSettled, syncStatus } from './support/screens';

const SEARCH = 'Rechercher des profils';
const CONTACT_LINE = 'Écrivez-nous à recrutement@cfa-demo.fr ou appelez le 05 56 00 00 00.';

/** A candidate of the platform, registered for the test, with the profiles given. */
async function newCandidate(desktop: Desktop, firstName: string, profiles: Array<Partial<ProfileCreate>>) {
  const candidate = new CandidateClient(desktop.platformUrl);
  const mail = newMail();
  await candidate.register({
    mail,
    password: STRONG_PASSWORD,
    firstName,
    lastName: 'Etcheverry',
    mobile: '0612345678',
    birthDate: '2007-03-14',
  });
  const made: CandidateProfile[] = [];
  for (const profile of profiles) {
    made.push(
      await candidate.addProfile({
        romeCode: 'G1609',
        diplomas: [{ diplomaId: 'cap-cuisine', state: 'prepare' }],
        communeCode: '64445',
        mobilityKm: 15,
        availableFrom: '2026-08-01',
        contractTypes: ['apprentissage'],
        presentation: 'Motivée et ponctuelle.',
        oeth: false,
        ...profile,
      }),
    );
  }
  return { candidate, mail, name: `${firstName} Etcheverry`, profiles: made };
}

async function searchKeywords(page: Page, words: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Mots-clés' }).fill(words);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
}

async function openProfile(page: Page, name: string): Promise<void> {
  await rowWith(page, name)
    .getByRole('link', { name: /Détails/ })
    .click();
  await expectScreen(page, name);
}

test('« Rechercher des profils » par mots-clés puis par commune et rayon ; les saisies hostiles répondent normalement', async ({
  desktop,
}) => {
  const { page } = desktop;
  const injection = watchForInjection(page);
  // One project near Pau, one in Bayonne (about 100 km away), with words nobody else uses.
  const pau = await newCandidate(desktop, 'Maïté', [
    { presentation: `Passionnée de pâtisserie béarnaise. ${HOSTILE_TEXT}` },
  ]);
  const bayonne = await newCandidate(desktop, 'Ximun', [
    { communeCode: '64102', presentation: 'Pâtisserie béarnaise et basque, en équipe.' },
  ]);
  await signInAsDemo(page);
  await openMenuEntry(page, SEARCH);
  await expectScreen(page, SEARCH);

  // Unaccented words find accented text; both projects match.
  await searchKeywords(page, 'patisserie bearnaise');
  await expect(rowWith(page, pau.name)).toHaveCount(1);
  await expect(rowWith(page, bayonne.name)).toHaveCount(1);
  // Never a candidate's contact details, on screen or in the export.
  await expect(page.getByRole('main')).not.toContainText(pau.mail);
  await expect(page.getByRole('main')).not.toContainText('0612345678');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV : profils trouvés' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^profils-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await file.path())!)).toString('utf8');
  expect(csv).toContain(pau.name);
  expect(csv).toContain(bayonne.name);
  expect(csv).not.toContain(pau.mail);

  // Around Pau within 10 km: Bayonne is out, the distance is shown.
  await page.getByRole('button', { name: 'Recherche avancée' }).click();
  await choose(page, 'Commune', 'Pau (64000)', 'Pau');
  await field(page, 'Rayon (km)').fill('10');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(rowWith(page, bayonne.name)).toHaveCount(0);
  await expect(rowWith(page, pau.name)).toContainText('0 km');
  await expectScreen(page, SEARCH);

  // An absurd or negative radius is refused on its field.
  await field(page, 'Rayon (km)').fill('500');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(page.getByText('ne doit pas dépasser 200 km')).toBeVisible();
  await field(page, 'Rayon (km)').fill('-3');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(page.getByText('ne peut pas être négatif')).toBeVisible();
  await field(page, 'Rayon (km)').fill('10');

  // Search syntax and SQL are words like any other: an answer, no error.
  for (const hostile of [
    '"patisserie',
    'patiss*',
    'patisserie NEAR bearnaise',
    "'; DROP TABLE profiles; --",
  ]) {
    await searchKeywords(page, hostile);
    await expect(page.getByText(/\d+ profils? trouvés?|Aucun profil/)).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }

  // An unknown commune in the address gets a French sentence, not a crash.
  await desktop.goto('/rechercher-des-profils?commune=64999&rayon=10');
  await expect(page.getByText(/Commune inconnue/)).toBeVisible();
  await injection.expectNone();
});

test('un profil ajouté aux favoris est dans « Favoris » ; « Contacter ce profil » exige une offre, part hors ligne, et le candidat est prévenu', async ({
  desktop,
}) => {
  const { page } = desktop;
  const { candidate, name } = await newCandidate(desktop, 'Garazi', [
    { presentation: 'Apprentie en cuisine gastronomique, curieuse des produits du Béarn.' },
  ]);
  await signInAsDemo(page);
  await openMenuEntry(page, SEARCH);
  await searchKeywords(page, 'gastronomique bearn');
  await openProfile(page, name);

  await page.getByRole('button', { name: 'Ajouter aux favoris' }).click();
  await expect(page.getByRole('button', { name: 'Retirer des favoris' })).toBeVisible();
  await openMenuEntry(page, 'Favoris');
  const favourites = page.getByRole('region', { name: 'Liste des favoris' });
  await expect(favourites.getByRole('link', { name })).toBeVisible();

  // Offline: the contact is kept and waits.
  await favourites.getByRole('link', { name }).click();
  await expectScreen(page, name);
  await desktop.stopPlatform();
  await page.getByRole('button', { name: 'Contacter ce profil' }).click();
  const dialog = page.getByRole('dialog', { name: 'Contacter ce profil' });
  await dialog.getByRole('button', { name: 'Envoyer' }).click();
  await expect(dialog.getByText(CONTACT_NEEDS_OFFER)).toBeVisible();
  await expect(dialog.getByText('Le champ « Message » est obligatoire.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Offre' }).click();
  const option = page.getByRole('option').first();
  const offerLabel = ((await option.textContent()) ?? '').trim();
  await option.click();
  await dialog.getByRole('textbox', { name: 'Message' }).fill(`Votre profil nous intéresse. ${CONTACT_LINE}`);
  await expectScreen(page, name);
  await dialog.getByRole('button', { name: 'Envoyer' }).click();
  await expect(dialog).toHaveCount(0);
  const history = page.getByRole('region', { name: 'Historique' });
  await expect(history).toContainText('En attente de synchronisation');
  await expect(syncStatus(page)).toContainText('en attente');

  await desktop.startPlatform();
  await syncNow(page);
  await syncSettled(page);
  await expect(history).not.toContainText('En attente de synchronisation');
  const notifications = await candidate.notifications();
  expect(notifications).toEqual([
    expect.objectContaining({ kind: 'contact', message: expect.stringContaining(CONTACT_LINE) }),
  ]);
  expect(offerLabel).toContain(notifications[0]!.offerTitle);
});

test('une alerte signale un profil qui correspond à une offre, avec ses raisons, et s’ignore', async ({
  desktop,
}) => {
  const { page } = desktop;
  const offer = (await (await platformAs(desktop.platformUrl)).offers()).find(
    (o) => o.status === 'en_cours' && o.sharedWithStructure && o.contractType === 'apprentissage',
  )!;
  // The offer's métier, one of its diplomas, its commune, available a week before it starts.
  const available = new Date(Date.parse(offer.startDate) - 7 * 86_400_000).toISOString().slice(0, 10);
  const { name } = await newCandidate(desktop, 'Peio', [
    {
      romeCode: offer.romeCode,
      diplomas: [{ diplomaId: offer.diplomaIds[0]!, state: 'prepare' }],
      communeCode: offer.communeCode,
      availableFrom: available,
      contractTypes: [offer.contractType],
    },
  ]);
  await signInAsDemo(page);
  await openMenuEntry(page, 'Alertes');
  await page.getByRole('textbox', { name: 'Rechercher' }).fill(name);
  const alerts = page.getByRole('region', { name: 'Liste des alertes' });
  // Its number too: another offer may have the same title.
  const alert = alerts
    .getByRole('listitem')
    .filter({ hasText: name })
    .filter({ hasText: `N° ${offer.number} — ${offer.title}` });
  await expect(alert).toContainText('Même métier');
  await expect(alert).toContainText('Dans la même commune');
  await expect(alert).toContainText('Disponible au');
  await expect(alert).toContainText('100/100');
  await expect(alert).toContainText(offer.title);
  await expectScreen(page, 'Alertes');

  await alert.getByRole('button', { name: /Ignorer cette alerte/ }).click();
  await expect(alert).toHaveCount(0);
  await syncNow(page);
  await syncSettled(page);
  const left = await (await platformAs(desktop.platformUrl)).alerts();
  const mine = left.filter((a) => `${a.profile.firstName} ${a.profile.lastName}` === name);
  expect(mine.some((a) => a.offerId === offer.id)).toBe(false);
});

test('la recherche globale (Ctrl+K) trouve une offre par un mot sans accent, plateforme arrêtée', async ({
  desktop,
}) => {
  const { page } = desktop;
  const offers = (await (await platformAs(desktop.platformUrl)).offers()).filter(
    (o) => o.status === 'en_cours',
  );
  // The accented word of the fewest titles, typed without its accents.
  const words = new Map<string, Offer[]>();
  for (const offer of offers)
    for (const word of offer.title.split(/[^\p{L}]+/u))
      if (/[^\p{ASCII}]/u.test(word) && word.length > 3) words.set(word, [...(words.get(word) ?? []), offer]);
  const [word, withWord] = [...words.entries()].sort((a, b) => a[1].length - b[1].length)[0]!;
  const typed = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  expect(typed).not.toBe(word.toLowerCase());
  const wanted = withWord[0]!;

  await signInAsDemo(page);
  await desktop.stopPlatform();
  await page.keyboard.press('Control+K');
  const box = page.getByRole('combobox', { name: 'Rechercher sur ce poste' });
  await expect(box).toBeFocused();
  await box.fill(typed);
  const hit = page.getByRole('option', { name: new RegExp(`^N° ${wanted.number} — `) });
  await expect(hit).toBeVisible();
  await expect(page.getByText('Offres', { exact: true })).toBeVisible();
  await expectScreen(page, /^Bonjour/);
  // Keyboard only: down to the hit, Enter opens the offer.
  for (let presses = 0; (await hit.getAttribute('aria-selected')) !== 'true'; presses++) {
    expect(presses).toBeLessThan(20);
    await box.press('ArrowDown');
  }
  await box.press('Enter');
  await expect(field(page, 'Intitulé')).toHaveValue(wanted.title);
});
