import { CandidateClient } from '../platform/candidate-client';
import { DEMO_APPLICATION_COUNTS } from '../platform/seed/demo-applications-plan';
import { DEMO_CANDIDATE } from '../platform/seed/demo-candidates';
import { DEMO_CFA_SIRET } from '../platform/seed/directory';
import type { Offer } from '../shared/domain/offers';
import { expect, test } from './fixtures';
import { newMail, STRONG_PASSWORD } from './support/data';
import { rowWith } from './support/pickers';
import { platformAs } from './support/platform-api';
import { openDashboard, openMenuEntry, signInAsDemo, syncSettled } from './support/screens';

// Live sync (DESIGN.md §4): what others do on the platform shows on the desktop without a click,
// well before the periodic sync (five minutes). No spec here presses « Synchroniser maintenant ».

test('une candidature déposée sur la plateforme arrive sans clic : le compteur « A traiter » et la notification suivent', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openDashboard(page);
  await syncSettled(page);
  const waiting = DEMO_APPLICATION_COUNTS.a_traiter;
  await expect(page.getByRole('link', { name: `A traiter ${waiting}` })).toBeVisible();

  const candidate = new CandidateClient(desktop.platformUrl);
  await candidate.login(DEMO_CANDIDATE.mail, DEMO_CANDIDATE.password);
  const [profile] = await candidate.profiles();
  const offer = (await (await platformAs(desktop.platformUrl)).offers()).find(
    (o: Offer) => o.status === 'en_cours' && o.sharedWithStructure,
  );
  await candidate.apply({
    profileId: profile!.id,
    offerId: offer!.id,
    message: 'Bonjour, je suis disponible.',
  });

  await expect(page.getByRole('alert').filter({ hasText: '1 nouvelle candidature' })).toBeVisible();
  await expect(page.getByRole('link', { name: `A traiter ${waiting + 1}` })).toBeVisible();
});

test('une demande de rattachement faite ailleurs s’affiche sans clic dans « Utilisateurs de ma structure »', async ({
  desktop,
}) => {
  const { page } = desktop;
  await signInAsDemo(page);
  await openMenuEntry(page, 'Utilisateurs de ma structure');
  await syncSettled(page);

  const mail = newMail();
  await joinDemoStructure(desktop.platformUrl, mail);
  await expect(rowWith(page, mail)).toContainText('En attente de validation');
});

/** A new account asks, on the platform, to join the demo CFA. */
async function joinDemoStructure(platformUrl: string, mail: string): Promise<void> {
  const api = (path: string) => `${platformUrl}/api/v1${path}`;
  const json = { 'Content-Type': 'application/json' };
  const registered = await fetch(api('/auth/register'), {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      mail,
      password: STRONG_PASSWORD,
      firstName: 'Inès',
      lastName: 'Darrigade',
      mobile: '0612345678',
      consent: true,
    }),
  });
  expect(registered.status).toBe(201);
  const login = await fetch(api('/auth/login'), {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ mail, password: STRONG_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const asked = await fetch(api('/structure'), {
    method: 'POST',
    headers: { ...json, Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ siret: DEMO_CFA_SIRET }),
  });
  expect(asked.status).toBe(202);
}
