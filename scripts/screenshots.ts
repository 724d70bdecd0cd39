import { chromium, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserInstallHint, CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { createNodeCore } from '../electron/host/node-core';
import { startHost } from '../electron/host/server';
import { DEMO_PENDING, DEMO_REFERENT } from '../platform/seed/demo';
import { DEMO_OETH_CANDIDATE } from '../platform/seed/demo-candidates';
import { createPlatform } from '../platform/server';
import { buildRenderer } from './build-renderer';
import { rendererDir, repoRoot } from './paths';

// `npm run screenshots`: the README's pictures, taken from the real app in a headless Chromium
// at 1366×768 (the most common laptop screen in the training centres), each screen twice:
// `<name>-clair.png` and `<name>-sombre.png`. The theme is left on « Système », so the
// emulated prefers-color-scheme switches it between the two pictures.
const VIEWPORT = { width: 1366, height: 768 } as const;
const SCHEMES = { clair: 'light', sombre: 'dark' } as const;

// SCREENSHOTS_DIR: somewhere else, to try the script without touching the committed pictures.
const out = process.env.SCREENSHOTS_DIR
  ? path.resolve(process.env.SCREENSHOTS_DIR)
  : path.join(repoRoot, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
// Every picture is taken again: a screen no longer shot does not linger under an old name.
for (const file of readdirSync(out)) if (file.endsWith('.png')) rmSync(path.join(out, file));
await buildRenderer();

/** What the page's document offers, typed here: scripts/ compile without the DOM's types. */
interface AnimatedDocument {
  getAnimations(): Array<{
    playState: string;
    effect: { getComputedTiming(): { iterations?: number } } | null;
  }>;
}

/** Runs in the page (a function, not a string: the CSP forbids eval). Loops (spinners) are left alone. */
function transitionsEnded(): boolean {
  const { document } = globalThis as unknown as { document: AnimatedDocument };
  return document
    .getAnimations()
    .every(
      (animation) =>
        animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
    );
}

/** Both schemes of the screen as it is now; ends back in the light one. */
async function shotBoth(page: Page, name: string): Promise<void> {
  for (const [suffix, colorScheme] of Object.entries(SCHEMES)) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
    // A toast or a fading dialog would be caught half-way: wait for transitions to end.
    await page.waitForFunction(transitionsEnded);
    await page.screenshot({ path: path.join(out, `${name}-${suffix}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'screenshots-'));
const platform = await createPlatform({ dataDir: path.join(temp, 'platform'), seed: 'demo' });
const platformUrl = await platform.listen(0);
const core = await createNodeCore({ dataDir: path.join(temp, 'desktop'), platformUrl });
const host = await startHost({ core, rendererDir, port: 0 });
if (!CHROMIUM_PATH) throw new Error(browserInstallHint(process.platform));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: VIEWPORT, locale: 'fr-FR', colorScheme: 'light' });
const field = (name: string) => page.getByRole('textbox', { name, exact: true });
const shot = (name: string) => shotBoth(page, name);

try {
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
  await shot('se-connecter');

  // A new account: first login asks for the structure's SIRET.
  await page.getByRole('link', { name: 'Créer un compte' }).click();
  await page.getByRole('heading', { name: 'Créer un compte' }).waitFor();
  await field('Mail').fill('lea.etcheverry@exemple.fr');
  await field('Mot de passe').fill('Apprenti-Bordeaux-33!');
  await field('Confirmation du mot de passe').fill('Apprenti-Bordeaux-33!');
  await field('Prénom').fill('Léa');
  await field('Nom').fill('Etcheverry');
  await field('Numéro de portable').fill('06 12 34 56 78');
  await page.getByRole('checkbox').check();
  await shot('creer-un-compte');
  await page.getByRole('button', { name: 'Valider' }).click();
  await page.getByRole('heading', { name: 'Se connecter' }).waitFor();
  await field('Mot de passe').fill('Apprenti-Bordeaux-33!');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await field('Siret').fill('921 934 444 00016');
  await expect(field('Adresse')).toHaveValue(/Saint-Pée-sur-Nivelle/);
  await shot('premiere-connexion-siret');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('button', { name: 'Garder les données sur ce poste' }).click();
  await page.getByRole('heading', { name: 'Se connecter' }).waitFor();

  // The demo référent's structure.
  await field('Mail').fill(DEMO_REFERENT.mail);
  await field('Mot de passe').fill(DEMO_REFERENT.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Ma structure', exact: true }).click();
  await page.getByRole('heading', { name: 'Ma structure' }).waitFor();
  await shot('ma-structure');
  await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs de ma structure' }).click();
  await page.getByRole('row').filter({ hasText: DEMO_PENDING.mail }).waitFor();
  await shot('utilisateurs-de-ma-structure');

  // "Mes offres" and its neighbours, on the demo data.
  const menu = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
  await menu('Mes offres').click();
  await page.getByRole('heading', { level: 1, name: 'Mes offres' }).waitFor();
  await page.getByRole('row').nth(5).waitFor();
  await shot('mes-offres');
  await menu('Créer une offre').click();
  await page.getByRole('heading', { level: 1, name: 'Créer une offre' }).waitFor();
  await shot('creer-une-offre');
  await menu('Suivi des employeurs').click();
  await page.getByRole('heading', { level: 1, name: 'Suivi des employeurs' }).waitFor();
  await page.getByRole('row').nth(5).waitFor();
  await shot('suivi-des-employeurs');
  await menu('Consulter toutes les offres').click();
  await page.getByRole('heading', { level: 1, name: 'Consulter toutes les offres' }).waitFor();
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await page.getByText(/offres trouvées/).waitFor();
  await shot('consulter-toutes-les-offres');

  // The candidate pipeline: the dashboard, then the OETH candidate's application.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /^Tableau de bord/ })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
  // Its blocks load one by one: wait until none says it is loading.
  await expect(page.getByRole('main').getByText(/^Chargement/)).toHaveCount(0);
  await expect(page.getByRole('main').getByLabel(/^Chargement/)).toHaveCount(0);
  await shot('tableau-de-bord');

  // "Rechercher des profils" around Bordeaux, then one profile.
  await menu('Rechercher des profils').click();
  await page.getByRole('heading', { level: 1, name: 'Rechercher des profils' }).waitFor();
  await page.getByRole('searchbox', { name: 'Mots-clés' }).fill('cuisine');
  await page.getByRole('button', { name: 'Recherche avancée' }).click();
  await page.getByRole('textbox', { name: 'Commune', exact: true }).fill('Bordeaux');
  await page.getByRole('option', { name: 'Bordeaux (33000)', exact: true }).click();
  await page.getByRole('textbox', { name: 'Rayon (km)', exact: true }).fill('30');
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await page
    .getByRole('link', { name: /^Détails du profil de / })
    .first()
    .waitFor();
  await shot('rechercher-des-profils');
  await page
    .getByRole('link', { name: /^Détails du profil de / })
    .first()
    .click();
  await page.getByRole('heading', { level: 2, name: 'Historique' }).waitFor();
  await shot('details-profil');

  // The list « A traiter » (its default tab), whatever the dashboard links to.
  await page.goto(new URL('/mon-espace/candidatures', host.url).toString());
  await page.getByRole('searchbox', { name: 'Rechercher', exact: true }).fill(DEMO_OETH_CANDIDATE.lastName);
  await page
    .getByRole('row')
    .filter({ hasText: DEMO_OETH_CANDIDATE.lastName })
    .getByRole('link', { name: /^Détails de la candidature/ })
    .click();
  await page.getByRole('heading', { level: 1, name: /^Candidature n° / }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Le profil' }).waitFor();
  await shot('details-candidature');
  await menu('Paramètres').click();
  await page.getByRole('radiogroup', { name: 'Thème' }).waitFor();
  await shot('parametres');
  // Opening "Détails" recorded a reading: it is sent before signing out.
  await expect(page.getByRole('status', { name: 'État de la synchronisation' })).not.toContainText(
    'en attente',
  );
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('button', { name: 'Garder les données sur ce poste' }).click();
  await page.getByRole('heading', { name: 'Se connecter' }).waitFor();

  // A pending collaborator waits for the référent's approval.
  await field('Mail').fill(DEMO_PENDING.mail);
  await field('Mot de passe').fill(DEMO_PENDING.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Demande de rattachement en attente' }).waitFor();
  await shot('demande-en-attente');
  console.log(
    `Captures (claires et sombres) enregistrées dans ${out.startsWith(repoRoot) ? path.relative(repoRoot, out) : out}/`,
  );
} finally {
  await browser.close();
  await host.close();
  await core.close();
  await platform.close();
}
