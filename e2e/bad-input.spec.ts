import type { Page } from '@playwright/test';
import type { Bridge } from '../shared/ipc/bridge';
import { expect, test } from './fixtures';
import { expectScreen } from './support/a11y';
import { DEMO, newMail, STRONG_PASSWORD, UNKNOWN_VALID_SIRET } from './support/data';
import { field, fillRegistration, signIn } from './support/screens';

/** A field's error is linked to it (aria-describedby) and read out with it. */
async function expectFieldError(page: Page, label: string, message: string | RegExp) {
  const input = field(page, label);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  const pattern =
    typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message;
  await expect(input).toHaveAccessibleDescription(pattern);
}

/** Calls a channel the way a hostile or buggy renderer could, bypassing the forms. */
function invokeRaw(page: Page, channel: string, payload: unknown) {
  return page.evaluate(
    async ([name, body]): Promise<{ ok: boolean; status?: number; error?: unknown }> => {
      const bridge = (window as { api?: Bridge }).api;
      if (bridge) return bridge.invoke(name as never, body as never);
      const response = await fetch(`/ipc/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, ...((await response.json()) as { ok: boolean }) };
    },
    [channel, payload] as const,
  );
}

async function openRegistration(page: Page) {
  await page.getByRole('link', { name: 'Créer un compte' }).click();
  await expectScreen(page, 'Créer un compte');
}

test.describe('Créer un compte refuse', () => {
  test('deux mots de passe différents', async ({ desktop: { page } }) => {
    await openRegistration(page);
    await fillRegistration(page, { mail: newMail(), confirmation: 'Apprenti-Bordeaux-34!' });
    await expectFieldError(
      page,
      'Confirmation du mot de passe',
      'Les deux mots de passe ne correspondent pas.',
    );
    await expectScreen(page, 'Créer un compte');
  });

  test('un mot de passe trop faible, en disant quelle règle manque', async ({ desktop: { page } }) => {
    await openRegistration(page);
    await fillRegistration(page, { mail: newMail(), password: 'apprentissage-bordeaux' });
    await expectFieldError(page, 'Mot de passe', /doit contenir une majuscule et un chiffre/);
  });

  test('le consentement non coché', async ({ desktop: { page } }) => {
    await openRegistration(page);
    await fillRegistration(page, { mail: newMail(), consent: false });
    const consent = page.getByRole('checkbox', { name: /J'accepte que les informations saisies/ });
    await expect(consent).toHaveAttribute('aria-invalid', 'true');
    await expect(
      page.getByText('Vous devez accepter que les informations saisies soient exploitées'),
    ).toBeVisible();
  });

  test('un mail déjà utilisé', async ({ desktop: { page } }) => {
    await openRegistration(page);
    await fillRegistration(page, { mail: DEMO.mail });
    await expectFieldError(page, 'Mail', 'Un compte existe déjà avec ce mail.');
    await expectScreen(page, 'Créer un compte');
  });
});

test.describe('Se connecter', () => {
  test('dit « Mail ou mot de passe incorrect », que le mail existe ou non', async ({ desktop: { page } }) => {
    await signIn(page, DEMO.mail, 'Mauvais-Mot-De-Passe-1!');
    await expect(page.getByRole('alert')).toHaveText('Mail ou mot de passe incorrect');
    await signIn(page, newMail(), STRONG_PASSWORD);
    await expect(page.getByRole('alert')).toHaveText('Mail ou mot de passe incorrect');
    await expectScreen(page, 'Se connecter');
  });

  test('plateforme injoignable : une phrase claire et « Réessayer »', async ({ desktop }) => {
    const { page } = desktop;
    await desktop.stopPlatform();
    await signIn(page, DEMO.mail, DEMO.password);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Plateforme injoignable');
    await expect(alert).toContainText('Vérifiez votre connexion internet, puis réessayez.');
    await expectScreen(page, 'Se connecter');

    await desktop.startPlatform();
    await alert.getByRole('button', { name: 'Réessayer' }).click();
    await expectScreen(page, `Bonjour ${DEMO.firstName}`);
  });
});

test.describe('Première connexion : le Siret', () => {
  test.beforeEach(async ({ desktop: { page } }) => {
    await openRegistration(page);
    const mail = newMail();
    await fillRegistration(page, { mail });
    await signIn(page, mail, STRONG_PASSWORD);
    await expectScreen(page, 'Ma structure');
  });

  test('de mauvaise longueur ou de mauvaise clé : « Numéro de Siret invalide » avant toute requête', async ({
    desktop: { page },
  }) => {
    const lookups: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('companies.lookup')) lookups.push(request.url());
    });
    const siret = field(page, 'Siret');
    await siret.fill('92193444400017');
    await expectFieldError(page, 'Siret', 'Numéro de Siret invalide');
    await siret.fill('9219344440');
    await siret.blur();
    await expectFieldError(page, 'Siret', 'Numéro de Siret invalide');
    await expect(page.getByRole('button', { name: 'Enregistrer' })).toBeDisabled();
    await expectScreen(page, 'Ma structure');
    expect(lookups).toEqual([]);
  });

  test('inconnu de l’annuaire : « Aucun établissement trouvé pour ce Siret »', async ({
    desktop: { page },
  }) => {
    await field(page, 'Siret').fill(UNKNOWN_VALID_SIRET);
    await expectFieldError(page, 'Siret', 'Aucun établissement trouvé pour ce Siret');
    await expect(field(page, 'Raison sociale')).toHaveValue('');
    await expect(page.getByRole('button', { name: 'Enregistrer' })).toBeDisabled();
  });
});

test('un canal appelé avec des données malformées répond une erreur qui nomme le champ, sans rien écrire', async ({
  desktop: { page },
}) => {
  await expectScreen(page, 'Se connecter');
  const mail = newMail();
  const refused = await invokeRaw(page, 'auth.register', {
    mail,
    password: 42,
    firstName: 'Léa',
    consent: 'oui',
  });
  expect(refused).toMatchObject({
    ok: false,
    error: {
      code: 'validation',
      fields: {
        password: 'Le champ « Mot de passe » doit être un texte.',
        lastName: 'Le champ « Nom » est obligatoire.',
        consent: expect.stringContaining('Vous devez accepter'),
      },
    },
  });
  if (refused.status !== undefined) expect(refused.status).toBe(400);
  expect(await invokeRaw(page, 'structure.create', 'pas un objet')).toMatchObject({
    ok: false,
    error: { code: 'validation' },
  });
  expect(await invokeRaw(page, 'nexiste.pas', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });

  // Nothing was written: that mail can still be registered.
  await openRegistration(page);
  await fillRegistration(page, { mail });
  await expect(page.getByRole('status').filter({ hasText: 'Votre compte a été créé' })).toBeVisible();
});
