import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_GESTIONNAIRE, DEMO_REFERENT } from '../../platform/seed/demo';
import { useDesktops, type SignedIn } from '../../tests/support/desktops';
import { accountDatabaseFile } from './db/open';

// "Mes informations personnelles" beyond the offline fields: mail, password, export, deletion.

const { desktop, signedIn, platform } = useDesktops();
const NEW_PASSWORD = 'Nouveau-Secret-2027!';

describe('personal information that needs the platform', () => {
  it('changes the mail only with the current password, and keeps the session', async () => {
    const d = await signedIn(DEMO_GESTIONNAIRE);
    expect(
      await d.refuse('account.changeMail', { newMail: 'julien@cfa-demo.fr', currentPassword: 'mauvais' }),
    ).toMatchObject({
      code: 'validation',
      fields: { currentPassword: expect.stringContaining('incorrect') },
    });
    expect(
      await d.refuse('account.changeMail', {
        newMail: DEMO_REFERENT.mail,
        currentPassword: DEMO_GESTIONNAIRE.password,
      }),
    ).toMatchObject({ fields: { newMail: expect.any(String) } });

    const user = await d.call('account.changeMail', {
      newMail: ' Julien@CFA-demo.fr ',
      currentPassword: DEMO_GESTIONNAIRE.password,
    });
    expect(user.mail).toBe('julien@cfa-demo.fr');
    expect(((await d.call('session.get')) as SignedIn).user.mail).toBe('julien@cfa-demo.fr');
    const other = await desktop();
    await expect(
      other.call('auth.login', { mail: 'julien@cfa-demo.fr', password: DEMO_GESTIONNAIRE.password }),
    ).resolves.toMatchObject({ status: 'signedIn' });
  });

  it('changes the password: confirmation checked here, current one on the platform', async () => {
    const d = await signedIn(DEMO_GESTIONNAIRE);
    expect(
      await d.refuse('account.changePassword', {
        currentPassword: DEMO_GESTIONNAIRE.password,
        newPassword: NEW_PASSWORD,
        newPasswordConfirmation: 'autre chose',
      }),
    ).toMatchObject({ code: 'validation', fields: { newPasswordConfirmation: expect.any(String) } });
    expect(
      await d.refuse('account.changePassword', {
        currentPassword: 'mauvais',
        newPassword: NEW_PASSWORD,
        newPasswordConfirmation: NEW_PASSWORD,
      }),
    ).toMatchObject({ fields: { currentPassword: expect.any(String) } });
    await d.call('account.changePassword', {
      currentPassword: DEMO_GESTIONNAIRE.password,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });
    // This desktop keeps syncing; the old password no longer opens a session.
    await expect(d.call('sync.now')).resolves.toMatchObject({ lastError: null });
    const other = await desktop();
    expect(await other.refuse('auth.login', DEMO_GESTIONNAIRE)).toMatchObject({ code: 'unauthorized' });
    await expect(
      other.call('auth.login', { mail: DEMO_GESTIONNAIRE.mail, password: NEW_PASSWORD }),
    ).resolves.toMatchObject({ status: 'signedIn' });
  });

  it('exports the user’s data, then closes the account and erases it from this desktop', async () => {
    const d = await signedIn(DEMO_GESTIONNAIRE);
    const exported = await d.call('account.export');
    expect(exported).toMatchObject({
      account: { mail: DEMO_GESTIONNAIRE.mail },
      structure: { membership: 'gestionnaire' },
    });
    expect(exported.sessions.length).toBeGreaterThan(0);

    const database = accountDatabaseFile(d.dataDir, d.session.user.id);
    expect(existsSync(database)).toBe(true);
    expect(await d.refuse('account.delete', { currentPassword: 'mauvais' })).toMatchObject({
      fields: { currentPassword: expect.any(String) },
    });
    await d.call('account.delete', { currentPassword: DEMO_GESTIONNAIRE.password });
    await expect(d.call('session.get')).resolves.toEqual({ status: 'signedOut', notice: null });
    expect(existsSync(database)).toBe(false);
    const left = await platform()
      .db.selectFrom('users')
      .select('id')
      .where('mail', '=', DEMO_GESTIONNAIRE.mail)
      .executeTakeFirst();
    expect(left).toBeUndefined();
  });

  it('refuses to close a référent’s account while the structure has other users', async () => {
    const d = await signedIn(DEMO_REFERENT);
    const refusal = await d.refuse('account.delete', { currentPassword: DEMO_REFERENT.password });
    expect(refusal).toMatchObject({ code: 'conflict', message: expect.stringContaining('transf') });
    await expect(d.call('session.get')).resolves.toMatchObject({ status: 'signedIn' });
  });

  it('says the platform is needed when it is unreachable', async () => {
    const d = await signedIn(DEMO_GESTIONNAIRE);
    await platform().close();
    expect(await d.refuse('account.export')).toMatchObject({
      code: 'offline',
      message: expect.stringContaining('L’export de vos données nécessite la plateforme'),
    });
    expect(
      await d.refuse('account.changeMail', {
        newMail: 'julien@cfa-demo.fr',
        currentPassword: DEMO_GESTIONNAIRE.password,
      }),
    ).toMatchObject({ code: 'offline' });
  });
});
