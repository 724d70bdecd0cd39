import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { CandidateClient } from '../platform/candidate-client';
import { DEMO_APPLICATION_COUNTS } from '../platform/seed/demo-applications-plan';
import { DEMO_CANDIDATE, DEMO_OETH_CANDIDATE } from '../platform/seed/demo-candidates';
import {
  OETH_SENTENCE,
  REFUSAL_DETAIL_REQUIRED,
  REFUSAL_REASON_REQUIRED,
  REPLY_DECISION_REQUIRED,
} from '../shared/domain/applications';
import type { Offer } from '../shared/domain/offers';
import { expect, test, type Desktop } from './fixtures';
import { expectScreen } from './support/a11y';
import { HOSTILE_TEXT } from './support/data';
import { choose, rowWith, syncNow, watchForInjection } from './support/pickers';
import { platformAs } from './support/platform-api';
import { field, openDashboard, signInAsDemo, syncSettled } from './support/screens';

const INTERVIEW = "Organiser un entretien / obtenir plus d'informations";
const REFUSE = 'Refuser la candidature';
const CONTACT_LINE = 'Écrivez-nous à recrutement@cfa-demo.fr ou appelez le 05 56 00 00 00.';

function tab(page: Page, label: string) {
  return page.getByRole('tab', { name: new RegExp(`^${label} \\(`) });
}

async function openDetails(page: Page, number: number): Promise<void> {
  await page.getByRole('link', { name: `Détails de la candidature n° ${number}` }).click();
  await expectScreen(page, `Candidature n° ${number}`);
}

function replyForm(page: Page) {
  return page.getByRole('form', { name: 'Répondre à cette candidature' });
}

async function reply(page: Page, decision: string, message: string): Promise<void> {
  const form = replyForm(page);
  await form.getByRole('radio', { name: decision }).check();
  await form.getByRole('textbox', { name: 'Message' }).fill(message);
  await form.getByRole('button', { name: 'Envoyer la réponse' }).click();
}

/** The demo candidate, signed in on the platform, with offers "En cours" of the demo CFA to apply to. */
async function candidateWithOffers(desktop: Desktop) {
  const candidate = new CandidateClient(desktop.platformUrl);
  await candidate.login(DEMO_CANDIDATE.mail, DEMO_CANDIDATE.password);
  const profiles = await candidate.profiles();
  const offers = (await (await platformAs(desktop.platformUrl)).offers()).filter(
    (offer: Offer) => offer.status === 'en_cours' && offer.sharedWithStructure,
  );
  return { candidate, profiles, offers };
}

test('une candidature déposée arrive « A traiter » avec une notification ; la réponse « entretien » faite hors ligne part au retour ; une autre est refusée ; un profil supprimé la rend « Abandonnée »', async ({
  desktop,
}) => {
  const { page } = desktop;
  const injection = watchForInjection(page);
  await signInAsDemo(page);
  const waiting = DEMO_APPLICATION_COUNTS.a_traiter;
  await openDashboard(page);
  await expect(page.getByRole('link', { name: `A traiter ${waiting}` })).toBeVisible();

  // Two applications made on the platform by a candidate.
  const { candidate, profiles, offers } = await candidateWithOffers(desktop);
  const message = `Bonjour,\nje suis disponible dès septembre. ${HOSTILE_TEXT}`;
  const first = await candidate.apply({ profileId: profiles[0]!.id, offerId: offers[0]!.id, message });
  const second = await candidate.apply({
    profileId: profiles[1]!.id,
    offerId: offers[1]!.id,
    message: 'Bonjour, votre offre m’intéresse beaucoup.',
  });

  await syncNow(page);
  const toast = page.getByRole('alert').filter({ hasText: '2 nouvelles candidatures' });
  await expect(toast).toBeVisible();
  await expect(
    page.getByRole('link', { name: `Tableau de bord, ${waiting + 2} candidatures à traiter` }),
  ).toBeVisible();
  await toast.getByRole('button', { name: 'Voir les candidatures' }).click();
  await expectScreen(page, 'Candidatures');
  await expect(tab(page, 'A traiter')).toHaveText(`A traiter (${waiting + 2})`);

  // "Détails", then the answer "entretien" written while the platform is unreachable.
  await openDetails(page, first.number);
  await expect(
    page.getByText(`${DEMO_CANDIDATE.firstName} ${DEMO_CANDIDATE.lastName}`).first(),
  ).toBeVisible();
  await expect(page.getByText(HOSTILE_TEXT, { exact: false })).toBeVisible();
  await injection.expectNone();
  await expect(page.getByRole('table', { name: 'Historique de la candidature' })).toContainText(
    'Candidature lue',
  );
  await syncSettled(page);
  await desktop.stopPlatform();
  await reply(page, INTERVIEW, `Bonjour, rencontrons-nous la semaine prochaine. ${CONTACT_LINE}`);
  await expect(page.getByText('Réponse en attente d’envoi')).toBeVisible();
  await expect(page.getByText('Recevable', { exact: true }).first()).toBeVisible();

  await desktop.startPlatform();
  await syncNow(page);
  await expect(page.getByText('Réponse en attente d’envoi')).toBeHidden();
  await syncSettled(page);
  const platform = await platformAs(desktop.platformUrl);
  expect((await platform.application(first.id)).status).toBe('recevable');
  const notifications = await candidate.notifications();
  expect(notifications).toContainEqual(
    expect.objectContaining({ kind: 'entretien', applicationNumber: first.number }),
  );

  // The other one is refused, from a template that names the candidate.
  await page.goBack();
  await expectScreen(page, 'Candidatures');
  await openDetails(page, second.number);
  const form = replyForm(page);
  await form.getByRole('radio', { name: REFUSE }).check();
  await form.getByRole('textbox', { name: 'Modèle de réponse' }).click();
  await page.getByRole('option', { name: 'Refus : offre pourvue' }).click();
  await expect(form.getByRole('textbox', { name: 'Message' })).toHaveValue(
    new RegExp(`^Bonjour ${DEMO_CANDIDATE.firstName},`),
  );
  // A refusal names its reason, from the list.
  await form.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(form.getByText(REFUSAL_REASON_REQUIRED)).toBeVisible();
  await choose(page, 'Motif du refus', 'Offre déjà pourvue');
  await form.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(page.getByText('Refusée', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: /^Réponse/ })).toContainText('Offre déjà pourvue');
  await syncSettled(page);
  expect((await platform.application(second.id)).status).toBe('refusee');
  // The candidate reads the reason with the message.
  expect(await candidate.notifications()).toContainEqual(
    expect.objectContaining({
      kind: 'refus',
      applicationNumber: second.number,
      refusalReason: 'Offre déjà pourvue',
    }),
  );

  // The candidate deletes the first profile: the application is abandoned, their data gone.
  await candidate.deleteProfile(profiles[0]!.id);
  await syncNow(page);
  await syncSettled(page);
  await desktop.goto(`/mon-espace/candidatures/${first.id}`);
  await expectScreen(page, `Candidature n° ${first.number}`);
  await expect(page.getByText('Candidat (données supprimées)').first()).toBeVisible();
  await expect(page.getByText('Le candidat a supprimé ce profil.').first()).toBeVisible();
  await expect(page.getByText(HOSTILE_TEXT, { exact: false })).toBeHidden();
  await expect(replyForm(page)).toBeHidden();
  await openDashboard(page);
  await expect(
    page.getByRole('link', { name: `Abandonnées ${DEMO_APPLICATION_COUNTS.abandonnee + 1}` }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: `Refusées ${DEMO_APPLICATION_COUNTS.refusee + 1}` }),
  ).toBeVisible();
  await injection.expectNone();
});

test('une réponse écrite hors ligne à une candidature abandonnée entre-temps est signalée, gardée, puis abandonnée sur demande', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  const { candidate, profiles, offers } = await candidateWithOffers(desktop);
  const application = await candidate.apply({
    profileId: profiles[0]!.id,
    offerId: offers[0]!.id,
    message: 'Bonjour, je suis disponible tout de suite.',
  });
  await syncNow(page);
  await page.getByRole('alert').getByRole('button', { name: 'Voir les candidatures' }).click();
  await openDetails(page, application.number);
  await expect(page.getByRole('table', { name: 'Historique de la candidature' })).toContainText(
    'Candidature lue',
  );
  await syncSettled(page);

  // Meanwhile the candidate withdraws; this desktop does not know yet, and goes offline.
  await candidate.deleteProfile(profiles[0]!.id);
  await desktop.stopPlatform();
  await reply(page, INTERVIEW, `Bonjour, pouvez-vous venir mardi ? ${CONTACT_LINE}`);
  await expect(page.getByText('Réponse en attente d’envoi')).toBeVisible();

  await desktop.startPlatform();
  await syncNow(page);
  const refused = page.getByRole('alert').filter({ hasText: 'Votre réponse n’a pas été envoyée' });
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('abandonnée');
  await expect(refused).toContainText('Statut sur la plateforme : « Abandonnée »');
  // Kept, not lost: the reply is still there to read.
  await expect(page.getByText('pouvez-vous venir mardi').first()).toBeVisible();
  await expectScreen(page, `Candidature n° ${application.number}`);

  await refused.getByRole('button', { name: 'Abandonner ma réponse' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Abandonner ma réponse' }).click();
  await expect(refused).toBeHidden();
  await expect(page.getByText('Candidat (données supprimées)').first()).toBeVisible();
  await expect(page.getByText('Abandonnée', { exact: true }).first()).toBeVisible();
});

test('la réponse exige un choix et un message ; une candidature abandonnée ne se répond pas ; le pictogramme OETH ; l’export suit l’onglet', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openDashboard(page);
  await page.getByRole('link', { name: /^A traiter \d+$/ }).click();
  await expectScreen(page, 'Candidatures');

  // The OETH candidate: a pictogram in the list, the sentence in "Détails".
  const name = `${DEMO_OETH_CANDIDATE.firstName} ${DEMO_OETH_CANDIDATE.lastName}`;
  await page.getByRole('searchbox', { name: 'Rechercher', exact: true }).fill(DEMO_OETH_CANDIDATE.lastName);
  const row = rowWith(page, name).first();
  await expect(row.getByRole('img', { name: OETH_SENTENCE })).toBeVisible();
  await row.getByRole('link', { name: /^Détails de la candidature n° \d+$/ }).click();
  await expectScreen(page, /^Candidature n° \d+$/);
  await expect(page.getByText(OETH_SENTENCE)).toBeVisible();

  // Nothing chosen, nothing written: each field says what is missing, nothing is saved.
  await replyForm(page).getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(page.getByText(REPLY_DECISION_REQUIRED)).toBeVisible();
  await expect(page.getByText('Le champ « Message » est obligatoire.')).toBeVisible();
  await expect(page.getByText('A traiter', { exact: true }).first()).toBeVisible();
  await replyForm(page).getByRole('radio', { name: REFUSE }).check();
  await field(page, 'Message').fill('   ');
  // Focused first: leaving « Message » shows its error, which moves the button under the pointer.
  const send = replyForm(page).getByRole('button', { name: 'Envoyer la réponse' });
  await send.focus();
  await expect(page.getByText('Le champ « Message » est obligatoire.')).toBeVisible();
  await send.click();
  await expect(page.getByText(REFUSAL_REASON_REQUIRED)).toBeVisible();
  // « Autre » asks what it is.
  await choose(page, 'Motif du refus', 'Autre');
  await send.click();
  await expect(page.getByText(REFUSAL_DETAIL_REQUIRED)).toBeVisible();

  // An abandoned application offers no answer.
  await page.goBack();
  await tab(page, 'Abandonnées').click();
  await expect(tab(page, 'Abandonnées')).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('searchbox', { name: 'Rechercher', exact: true }).fill('');
  await page
    .getByRole('link', { name: /^Détails de la candidature n° \d+$/ })
    .first()
    .click();
  await expectScreen(page, /^Candidature n° \d+$/);
  await expect(page.getByText('Candidature abandonnée').first()).toBeVisible();
  await expect(replyForm(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Répondre à cette candidature' })).toBeHidden();

  // The export of a tab holds that tab's applications.
  await page.goBack();
  await expect(tab(page, 'Abandonnées')).toHaveAttribute('aria-selected', 'true');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en CSV' }).click();
  const csv = (await readFile((await (await download).path())!)).toString('utf8');
  expect(csv.startsWith('\uFEFFN° de candidature;')).toBe(true);
  expect(csv.trim().split('\n')).toHaveLength(1 + DEMO_APPLICATION_COUNTS.abandonnee);
  expect(csv).toContain('Le candidat a supprimé ce profil.');
});

test('un modèle de réponse ajouté sert à répondre d’un coup à deux candidatures, chacune à son prénom', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openDashboard(page);
  await page.getByRole('link', { name: 'Modèles de réponse' }).click();
  await expectScreen(page, 'Modèles de réponse');

  // A new template, kept with "Ma structure" and sent to the platform.
  await page.getByRole('button', { name: 'Ajouter un modèle' }).click();
  const added = page.getByRole('group', { name: 'Modèle « Nouveau modèle »' });
  await added.getByRole('textbox', { name: 'Type de réponse' }).click();
  await page.getByRole('option', { name: REFUSE }).click();
  const name = 'Refus : session complète';
  await added.getByRole('textbox', { name: 'Nom du modèle' }).fill(name);
  await page
    .getByRole('group', { name: `Modèle « ${name} »` })
    .getByRole('textbox', { name: 'Texte du modèle' })
    .fill(`Bonjour {prénom},\nla session de « {intitulé} » est complète. ${CONTACT_LINE}\n{structure}`);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await syncSettled(page);
  const platform = await platformAs(desktop.platformUrl);
  expect(JSON.stringify((await platform.structure()).replyTemplates)).toContain(name);

  // Two applications "A traiter", selected, answered at once with it.
  await openDashboard(page);
  await page.getByRole('link', { name: /^A traiter \d+$/ }).click();
  await expectScreen(page, 'Candidatures');
  const rows = page.getByRole('table', { name: 'Candidatures « A traiter »' }).getByRole('row');
  const chosen: Array<{ number: string; firstName: string }> = [];
  for (const index of [1, 2]) {
    const row = rows.nth(index);
    const number = (await row.getByRole('cell').nth(1).textContent())!.trim();
    const applicant = (await row.getByRole('rowheader').textContent())!.trim();
    chosen.push({ number, firstName: applicant.split(' ')[0]! });
    await row.getByRole('checkbox').check();
  }
  await page.getByRole('button', { name: 'Répondre aux candidatures sélectionnées' }).click();
  const dialog = page.getByRole('dialog', { name: 'Répondre aux candidatures sélectionnées' });
  await dialog.getByRole('radio', { name: REFUSE }).check();
  await dialog.getByRole('textbox', { name: 'Modèle de réponse' }).click();
  await page.getByRole('option', { name }).click();
  await expect(dialog.getByRole('textbox', { name: 'Message' })).toHaveValue(/^Bonjour \{prénom\},/);
  await choose(page, 'Motif du refus', 'Autre');
  await dialog.getByRole('textbox', { name: 'Précisez le motif' }).fill('Session complète');
  await dialog.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await dialog.getByRole('button', { name: 'Confirmer l’envoi à 2 candidatures' }).click();
  await expect(dialog).toBeHidden();
  await expect(tab(page, 'A traiter')).toHaveText(`A traiter (${DEMO_APPLICATION_COUNTS.a_traiter - 2})`);
  await expect(tab(page, 'Refusées')).toHaveText(`Refusées (${DEMO_APPLICATION_COUNTS.refusee + 2})`);
  await syncSettled(page);
  expect(await platform.applicationCount('refusee')).toBe(DEMO_APPLICATION_COUNTS.refusee + 2);

  // Each answer carries its candidate's own first name.
  await tab(page, 'Refusées').click();
  for (const { number, firstName } of chosen) {
    await page.getByRole('searchbox', { name: 'Rechercher', exact: true }).fill(number);
    // The filtered list first: a click on the row of the list being replaced would be lost.
    await expect(page.getByRole('status').filter({ hasText: 'correspondant aux filtres' })).toHaveText(
      '1 candidature correspondant aux filtres',
    );
    await openDetails(page, Number(number));
    await expect(page.getByText(`Bonjour ${firstName},`).first()).toBeVisible();
    await expect(page.getByText('Refusée', { exact: true }).first()).toBeVisible();
    await page.goBack();
  }
});
