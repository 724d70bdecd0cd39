import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENT_ONLY } from '../../shared/domain/members';
import type { LocalMember } from '../../shared/domain/session';
import { DEMO_CFA_SIRET } from '../../platform/seed/directory';
import { DEMO_GESTIONNAIRE, DEMO_PENDING, DEMO_REFERENT } from '../../platform/seed/demo';
import { accountDatabaseFile } from './db/open';
import { useDesktops, type SignedIn } from '../../tests/support/desktops';

// Roles in a structure, from desktops (each its own data folder) against one real platform.

const { desktop, signedIn, platform } = useDesktops();
const byMail = (members: LocalMember[], mail: string) => members.find((m) => m.mail === mail)!;

describe('users of a structure on the desktop', () => {
  it('a new account entering an existing SIRET waits, sees nothing, then gets the structure once approved', async () => {
    const newcomer = await desktop();
    const mail = 'nouvelle.recrue@exemple.fr';
    const password = 'Apprenti-Bordeaux-33!';
    await newcomer.call('auth.register', {
      mail,
      password,
      passwordConfirmation: password,
      firstName: 'Inès',
      lastName: 'Duhalde',
      mobile: '0698765432',
      consent: true,
    });
    await newcomer.call('auth.login', { mail, password });
    const pending = (await newcomer.call('structure.create', { siret: DEMO_CFA_SIRET })) as SignedIn;
    expect(pending).toMatchObject({
      structure: null,
      user: { role: null, structureId: expect.any(String) },
      joinRequest: { siret: DEMO_CFA_SIRET, legalName: expect.any(String) },
    });
    // Nothing of the structure here, even after a sync.
    await newcomer.call('sync.now');
    await expect(newcomer.call('structure.get')).resolves.toBeNull();
    expect((await newcomer.refuse('members.list')).message).toBe(REFERENT_ONLY);

    const referent = await signedIn(DEMO_REFERENT);
    await referent.call('sync.now');
    const members = await referent.call('members.list');
    const request = byMail(members, mail);
    expect(request.role).toBe('pending');
    const after = await referent.call('members.approve', { userId: request.id });
    expect(byMail(after, mail).role).toBe('gestionnaire');

    await newcomer.call('sync.now');
    const approved = (await newcomer.call('session.get')) as SignedIn;
    expect(approved).toMatchObject({
      user: { role: 'gestionnaire' },
      structure: { siret: DEMO_CFA_SIRET },
      joinRequest: null,
    });
  });

  it('a transfer makes the référent a gestionnaire at once; the page is refused to them afterwards', async () => {
    const referent = await signedIn(DEMO_REFERENT);
    await referent.call('sync.now');
    const gestionnaire = byMail(await referent.call('members.list'), DEMO_GESTIONNAIRE.mail);
    const after = await referent.call('members.transfer', { userId: gestionnaire.id });
    expect(after).toEqual([]);
    const session = (await referent.call('session.get')) as SignedIn;
    expect(session.user.role).toBe('gestionnaire');
    expect(await referent.refuse('members.list')).toMatchObject({
      code: 'forbidden',
      message: REFERENT_ONLY,
    });

    // The new référent's desktop learns it at its next sync.
    const promoted = await signedIn(DEMO_GESTIONNAIRE);
    await promoted.call('sync.now');
    const members = await promoted.call('members.list');
    expect(members.filter((m) => m.role === 'referent').map((m) => m.mail)).toEqual([DEMO_GESTIONNAIRE.mail]);
    expect(byMail(members, DEMO_REFERENT.mail).role).toBe('gestionnaire');
  });

  it('a removed gestionnaire is signed out at the next sync; their local data stays until they delete it', async () => {
    const removed = await signedIn(DEMO_GESTIONNAIRE);
    await removed.call('sync.now');
    const referent = await signedIn(DEMO_REFERENT);
    await referent.call('sync.now');
    const target = byMail(await referent.call('members.list'), DEMO_GESTIONNAIRE.mail);
    const after = await referent.call('members.remove', { userId: target.id });
    expect(after.map((m) => m.mail)).not.toContain(DEMO_GESTIONNAIRE.mail);

    await removed.call('sync.now');
    await expect
      .poll(() => removed.call('session.get'))
      .toMatchObject({
        status: 'signedOut',
        notice: {
          userId: target.id,
          mail: DEMO_GESTIONNAIRE.mail,
          message: expect.stringContaining('ne faites plus partie'),
        },
      });
    const database = accountDatabaseFile(removed.dataDir, target.id);
    expect(existsSync(database)).toBe(true);

    // Signing in again: an account without structure, none of the former structure's data.
    const again = (await removed.call('auth.login', DEMO_GESTIONNAIRE)) as SignedIn;
    expect(again).toMatchObject({ structure: null, user: { structureId: null, role: null } });
    await removed.call('auth.logout');
    const cleared = await removed.call('account.deleteLocalData', { userId: target.id });
    expect(cleared).toEqual({ status: 'signedOut', notice: null });
    expect(existsSync(database)).toBe(false);
  });

  it('refuses role changes to a gestionnaire and says the platform is needed when offline', async () => {
    const gestionnaire = await signedIn(DEMO_GESTIONNAIRE);
    const pendingId = (
      await platform()
        .db.selectFrom('users')
        .select('id')
        .where('mail', '=', DEMO_PENDING.mail)
        .executeTakeFirstOrThrow()
    ).id;
    expect(await gestionnaire.refuse('members.approve', { userId: pendingId })).toMatchObject({
      code: 'forbidden',
    });

    const referent = await signedIn(DEMO_REFERENT);
    await referent.call('sync.now');
    await platform().close();
    const refusal = await referent.refuse('members.approve', { userId: pendingId });
    expect(refusal).toMatchObject({
      code: 'offline',
      message: expect.stringContaining('nécessite la plateforme'),
    });
    // The list stays readable from the cache.
    expect(byMail(await referent.call('members.list'), DEMO_PENDING.mail).role).toBe('pending');
  });
});
