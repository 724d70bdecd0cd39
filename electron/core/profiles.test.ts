import { describe, expect, it } from 'vitest';
import { CONTACT_OFFER_NOT_OPEN } from '../../shared/domain/profiles';
import { candidateNotificationSchema } from '../../shared/domain/candidates';
import { candidateCalls } from '../../platform/applications/test-fixtures';
import { COMMUNES } from '../../platform/offers/test-fixtures';
import { DEMO_GESTIONNAIRE, DEMO_REFERENT } from '../../platform/seed/demo';
import { useDesktops } from '../../tests/support/desktops';
import { fold } from '../../shared/text/fold';

// Profiles from desktops against the reference platform: a candidate describes a project, staff
// find it by keyword and around a commune, add it to the structure's favourites (the whole team
// sees them), contact it offline about an offer "En cours" (the candidate is notified once the
// desktop is back online), dismiss an alert; offline, searches answer from what is kept here.

const { signedIn, platform } = useDesktops();

describe('profiles on the desktop', () => {
  it('are found, kept as favourites, contacted and searched offline', async () => {
    const candidates = candidateCalls(platform);
    const referent = await signedIn(DEMO_REFERENT, { switchable: true });
    const colleague = await signedIn(DEMO_GESTIONNAIRE);
    await referent.call('sync.now');
    const candidate = await candidates.newCandidate({ firstName: 'Maëlys', lastName: 'Ithurralde' });
    const profile = await candidates.createProfile(candidate.token, {
      communeCode: COMMUNES.talence,
      presentation: 'Élève chocolatière, je rêve de créer le zéphyr, mon dessert signature.',
    });

    const found = await referent.call('profiles.search', { q: 'eleve zephyr' });
    expect(found).toMatchObject({ source: 'platform', total: 1 });
    expect(found.profiles[0]).toMatchObject({ id: profile.id, firstName: 'Maëlys', distanceKm: null });
    const around = await referent.call('profiles.search', {
      q: 'zephyr',
      commune: COMMUNES.bordeaux,
      radiusKm: 10,
    });
    expect(around.profiles.map((p) => p.id)).toEqual([profile.id]);
    expect(around.profiles[0]!.distanceKm).toBeGreaterThan(0);
    expect(
      (await referent.call('profiles.search', { q: 'zephyr', commune: COMMUNES.pau, radiusKm: 10 })).total,
    ).toBe(0);
    for (const q of ['"', '*', 'NEAR', "'; DROP TABLE candidate_profiles; --"])
      await expect(referent.call('profiles.search', { q })).resolves.toMatchObject({ source: 'platform' });
    expect(await referent.refuse('profiles.search', { commune: '33999' })).toMatchObject({
      code: 'validation',
      fields: { commune: expect.stringContaining('Commune inconnue') },
    });

    // A favourite of the structure: the colleague sees it after their sync.
    await referent.call('profiles.get', { id: profile.id });
    await referent.call('favorites.add', { profileId: profile.id });
    await referent.call('sync.now');
    await colleague.call('sync.now');
    expect((await colleague.call('favorites.list')).map((f) => [f.id, f.addedBy])).toContainEqual([
      profile.id,
      `${referent.session.user.firstName} ${referent.session.user.lastName}`,
    ]);

    // Offline: a contact waits, the searches answer from this desktop.
    const offers = (await referent.call('offers.list', { status: 'en_cours', limit: 1 })).rows;
    const filled = (await referent.call('offers.list', { status: 'pourvue', limit: 1 })).rows;
    referent.setOnline(false);
    expect(
      await referent.refuse('contacts.send', {
        profileId: profile.id,
        contact: { offerId: filled[0]!.id, message: 'Bonjour.' },
      }),
    ).toMatchObject({ fields: { offerId: CONTACT_OFFER_NOT_OPEN } });
    const contact = await referent.call('contacts.send', {
      profileId: profile.id,
      contact: { offerId: offers[0]!.id, message: 'Bonjour Maëlys, appelez-nous au 05 56 00 00 00.' },
    });
    expect(contact).toMatchObject({ syncState: 'pending', profileName: 'Maëlys Ithurralde' });
    const offline = await referent.call('profiles.search', { q: 'zephyr' });
    expect(offline).toMatchObject({ source: 'cache', total: 1 });
    expect(await referent.call('profiles.get', { id: profile.id })).toMatchObject({
      source: 'cache',
      favorite: { id: profile.id },
      contacts: [{ id: contact.id, syncState: 'pending' }],
    });
    const title = offers[0]!.title;
    const word = fold(title)
      .split(/\s+/)
      .find((w) => w.length >= 4)!;
    const global = await referent.call('search.global', { q: word.slice(0, 4).toLowerCase() });
    expect(global.groups.find((g) => g.kind === 'offer')?.hits.map((h) => h.id)).toContain(offers[0]!.id);

    referent.setOnline(true);
    await referent.call('sync.now');
    expect((await referent.call('profiles.get', { id: profile.id })).contacts).toMatchObject([
      { id: contact.id, syncState: 'synced', offerNumber: offers[0]!.number },
    ]);
    const notices = candidateNotificationSchema
      .array()
      .parse((await candidates.call('GET', '/candidate/notifications', candidate.token)).json());
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: 'contact', profileId: profile.id, applicationId: null }),
    );

    // Removed from the favourites here, then for the colleague.
    await referent.call('favorites.remove', { profileId: profile.id });
    await referent.call('sync.now');
    await colleague.call('sync.now');
    expect((await colleague.call('favorites.list')).map((f) => f.id)).not.toContain(profile.id);
  });

  it('show the demo’s alerts with their reasons; one dismissed goes for the whole team', async () => {
    const referent = await signedIn(DEMO_REFERENT);
    const colleague = await signedIn(DEMO_GESTIONNAIRE);
    await referent.call('sync.now');
    await colleague.call('sync.now');
    const alerts = await referent.call('alerts.list');
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.flatMap((a) => a.reasons.map((r) => r.text))).toContain('Même métier');
    const [first] = alerts;
    await referent.call('alerts.dismiss', { id: first!.id });
    expect((await referent.call('alerts.list')).map((a) => a.id)).not.toContain(first!.id);
    await referent.call('sync.now');
    await colleague.call('sync.now');
    expect((await colleague.call('alerts.list', { limit: 500 })).map((a) => a.id)).not.toContain(first!.id);
  });
});
