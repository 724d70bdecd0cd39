import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { expectAccessible } from './support/a11y';
import { DEMO } from './support/data';
import { openDashboard, openMenuEntry, signIn } from './support/screens';

/** Copies of one offer, made on the platform: each brings its alerts, thousands of rows in all. */
async function addOfferCopies(platformUrl: string, copies: number): Promise<void> {
  const api = (path: string) => `${platformUrl}/api/v1${path}`;
  const login = await fetch(api('/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mail: DEMO.mail, password: DEMO.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { Authorization: `Bearer ${accessToken}` };
  const offers = (await (await fetch(api('/offers'), { headers: auth })).json()) as Array<{
    id: string;
    status: string;
  }>;
  const original = offers.find((offer) => offer.status === 'en_cours')!;
  let made = 0;
  const worker = async () => {
    while (made < copies) {
      made += 1;
      const response = await fetch(api(`/offers/${original.id}/duplicate`), {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: '{}',
      });
      if (!response.ok) throw new Error(`copie refusée (${response.status})`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

// Each chunk of the sync answers held back: the first synchronisation lasts long enough to be seen.
test.use({ slowSyncMs: 600 });

test('a new desktop shows its first synchronisation’s progress, keeps settings usable, then the dashboard', async ({
  desktop,
}) => {
  test.setTimeout(240_000);
  await addOfferCopies(desktop.platformUrl, 100);
  const { page } = desktop;
  await signIn(page, DEMO.mail, DEMO.password);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${DEMO.firstName}` })).toBeVisible();

  const bar = page.getByRole('progressbar', { name: 'Première synchronisation' });
  await expect(bar).toBeVisible();
  const banner = page.getByRole('region', { name: 'Première synchronisation en cours' });
  // « 1 234 lignes sur 2 600 — environ 1 min restantes » (or « estimation en cours » at first).
  await expect(banner).toContainText(/Première synchronisation : [\d\s]+ lignes? sur [\d\s]+ — /);
  await expectAccessible(page);

  // The screens of the structure's data wait, and say so.
  await openDashboard(page);
  await expect(page.getByText(/^Première synchronisation en cours : cet écran/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Candidatures', exact: true })).toHaveCount(0);

  // What does not need it stays usable.
  await openMenuEntry(page, 'Paramètres');

  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres' })).toBeVisible();

  // Once the structure is here, the banner goes and the dashboard shows its counts.
  await openDashboard(page);
  // The banner, not the bar: at 0 % the bar's filled part has no width, hence counts as hidden.
  await expect(banner).toBeHidden({ timeout: 180_000 });
  await expect(page.getByRole('region', { name: 'Candidatures', exact: true })).toContainText(
    'candidatures au total',
  );
});
