import { describe, expect, it } from 'vitest';
import { ROME_VERSION } from '../../shared/domain/referentials';
import { DEMO_GESTIONNAIRE, DEMO_REFERENT } from '../../platform/seed/demo';
import { useDesktops, type SignedIn, type TestDesktop } from '../../tests/support/desktops';
import { acceptedEmployer, directorySirets, employerForm, offerForm } from '../../tests/support/partners';

// "Mes offres" from desktops against the reference platform: offers are published here at
// once, numbered by the platform at the next sync, and seen by whom their sharing allows.

const { signedIn, platform } = useDesktops();

const ids = async (desktop: TestDesktop, status: 'en_cours' | 'pourvue' | 'archivee' = 'en_cours') =>
  (await desktop.call('offers.list', { status, limit: 500 })).rows.map((offer) => offer.id);

describe('offers on the desktop', () => {
  it('publishes an offer made offline as "provisoire", numbered by the platform after sync', async () => {
    const referent = await signedIn(DEMO_REFERENT, { switchable: true });
    await referent.call('sync.now');
    const employer = await acceptedEmployer(platform(), referent);
    const countsBefore = await referent.call('offers.counts');
    referent.setOnline(false);

    const offer = await referent.call('offers.create', offerForm(employer.id));
    expect(offer).toMatchObject({
      number: null,
      status: 'en_cours',
      employerName: employer.tradeName ?? employer.legalName,
      romeCode: 'F1602',
      romeLabel: 'Electricien / Electricienne du bâtiment',
      romeVersion: ROME_VERSION,
      communeName: 'Bègles',
      diplomaIds: ['cap-electricien', 'bp-electricien'],
      createdBy: referent.session.user.id,
      publishedAt: null,
      archiveAt: null,
      applicationsCount: 0,
      version: 0,
      syncState: 'pending',
    });
    expect(await ids(referent)).toContain(offer.id);
    expect((await referent.call('offers.counts')).en_cours).toBe(countsBefore.en_cours + 1);
    await expect(referent.call('employers.get', { id: employer.id })).resolves.toMatchObject({
      offersInProgress: 1,
      offersTotal: 1,
    });

    referent.setOnline(true);
    await referent.call('sync.now');
    const numbered = await referent.call('offers.get', { id: offer.id });
    expect(numbered).toMatchObject({
      status: 'en_cours',
      romeLabel: 'Electricien / Electricienne du bâtiment',
      communeName: 'Bègles',
      publishedAt: expect.any(String),
      archiveAt: expect.any(String),
      syncState: 'synced',
    });
    expect(numbered.number).toBeGreaterThan(0);
    expect(numbered.version).toBeGreaterThan(0);

    // "Consulter toutes les offres" asks the platform, and says so when it cannot.
    const page = await referent.call('offers.publicSearch', { rome: 'F1602', commune: '33039' });
    expect(page.offers.find((o) => o.id === offer.id)).toMatchObject({
      number: numbered.number,
      communeName: 'Bègles',
      employerName: numbered.employerName,
    });
    referent.setOnline(false);
    expect(await referent.refuse('offers.publicSearch', { q: 'électricien' })).toMatchObject({
      code: 'offline',
      message: expect.stringContaining('nécessite la plateforme'),
    });
  });

  it('refuses an employer that is not an accepted partner, and codes the referentials do not know', async () => {
    const referent = await signedIn(DEMO_REFERENT, { switchable: true });
    await referent.call('sync.now');
    const employer = await acceptedEmployer(platform(), referent);
    const [closed] = await directorySirets(platform(), { active: false, count: 1 });
    const refused = await referent.call('employers.create', employerForm(closed!));
    await referent.call('sync.now');
    referent.setOnline(false);
    const [open] = await directorySirets(platform(), { active: true, count: 1 });
    const waiting = await referent.call('employers.create', employerForm(open!));
    const countsBefore = await referent.call('offers.counts');

    for (const employerId of [waiting.id, refused.id]) {
      expect(await referent.refuse('offers.create', offerForm(employerId))).toMatchObject({
        code: 'validation',
        fields: { employerId: expect.stringContaining('employeur') },
      });
    }
    const unknown = await referent.refuse(
      'offers.create',
      offerForm(employer.id, {
        romeCode: 'N9999',
        diplomaIds: ['cap-electricien', 'inconnu'],
        communeCode: '75056',
      }),
    );
    expect(unknown).toMatchObject({
      code: 'validation',
      message: expect.stringContaining('« Métier »'),
      fields: {
        romeCode: expect.stringContaining('Métier inconnu'),
        diplomaIds: expect.stringContaining('inconnu'),
        communeCode: expect.stringContaining('Lieu inconnu'),
      },
    });
    // Nothing was written: only the waiting employer request is waiting.
    expect(await referent.call('offers.counts')).toEqual(countsBefore);
    expect((await referent.call('sync.status')).pending).toBe(1);
  });

  it('duplicates an offer and moves offers between tabs', async () => {
    const referent = await signedIn(DEMO_REFERENT);
    const gestionnaire = await signedIn(DEMO_GESTIONNAIRE);
    await referent.call('sync.now');
    const employer = await acceptedEmployer(platform(), referent);
    const created = await referent.call('offers.create', offerForm(employer.id));
    await referent.call('sync.now');
    const original = await referent.call('offers.get', { id: created.id });

    const copy = await referent.call('offers.duplicate', { id: original.id });
    expect(copy.id).not.toBe(original.id);
    expect(copy).toMatchObject({
      title: original.title,
      employerId: employer.id,
      romeCode: original.romeCode,
      diplomaIds: original.diplomaIds,
      description: original.description,
      number: null,
      status: 'en_cours',
      version: 0,
      syncState: 'pending',
    });
    await expect(referent.call('offers.get', { id: original.id })).resolves.toEqual(original);

    // "Marquer comme pourvue", and a change of métier whose label follows at once.
    const filled = await referent.call('offers.update', {
      id: original.id,
      patch: { status: 'pourvue', romeCode: 'g1602' },
    });
    expect(filled).toMatchObject({
      status: 'pourvue',
      romeCode: 'G1602',
      romeLabel: 'Commis / Commise de cuisine',
      syncState: 'pending',
    });
    expect(await ids(referent, 'pourvue')).toContain(original.id);
    expect(await ids(referent)).not.toContain(original.id);

    await referent.call('sync.now');
    const numberedCopy = await referent.call('offers.get', { id: copy.id });
    expect(numberedCopy.number).toBeGreaterThan(original.number!);
    await expect(referent.call('offers.get', { id: original.id })).resolves.toMatchObject({
      status: 'pourvue',
      syncState: 'synced',
    });

    // "Archiver", seen by the structure's other member after their sync.
    await referent.call('offers.update', { id: copy.id, patch: { status: 'archivee' } });
    await referent.call('sync.now');
    await gestionnaire.call('sync.now');
    expect(await ids(gestionnaire, 'archivee')).toContain(copy.id);
    expect(await ids(gestionnaire, 'pourvue')).toContain(original.id);
    await expect(gestionnaire.call('offers.get', { id: original.id })).resolves.toMatchObject({
      romeLabel: 'Commis / Commise de cuisine',
    });
  });

  it('never gives a gestionnaire’s desktop an unshared offer of someone else', async () => {
    const referent = await signedIn(DEMO_REFERENT);
    const gestionnaire = await signedIn(DEMO_GESTIONNAIRE);
    await referent.call('sync.now');
    const employer = await acceptedEmployer(platform(), referent);
    await gestionnaire.call('sync.now');
    const hidden = await referent.call(
      'offers.create',
      offerForm(employer.id, { title: 'Offre de Claire', sharedWithStructure: false }),
    );
    const shared = await referent.call('offers.create', offerForm(employer.id, { title: 'Offre partagée' }));
    const own = await gestionnaire.call(
      'offers.create',
      offerForm(employer.id, { title: 'Offre de Julien', sharedWithStructure: false }),
    );
    await referent.call('sync.now');
    await gestionnaire.call('sync.now');
    await referent.call('sync.now');

    expect(await ids(gestionnaire)).toEqual(expect.arrayContaining([shared.id, own.id]));
    expect(await ids(gestionnaire)).not.toContain(hidden.id);
    expect(await gestionnaire.refuse('offers.get', { id: hidden.id })).toMatchObject({ code: 'not_found' });
    // The référent sees every offer of the structure, the gestionnaire's unshared one included.
    expect(await ids(referent)).toEqual(expect.arrayContaining([hidden.id, shared.id, own.id]));

    // Shared, it reaches the gestionnaire; unshared again, it leaves their desktop only.
    await referent.call('offers.update', { id: hidden.id, patch: { sharedWithStructure: true } });
    await referent.call('sync.now');
    await gestionnaire.call('sync.now');
    expect(await ids(gestionnaire)).toContain(hidden.id);
    await referent.call('offers.update', { id: hidden.id, patch: { sharedWithStructure: false } });
    await referent.call('sync.now');
    await gestionnaire.call('sync.now');
    expect(await ids(gestionnaire)).not.toContain(hidden.id);
    await expect(referent.call('offers.get', { id: hidden.id })).resolves.toMatchObject({
      sharedWithStructure: false,
      syncState: 'synced',
    });
  });

  it('drops the unshared offers of others from a référent’s desktop once they are no longer référent', async () => {
    const referent = await signedIn(DEMO_REFERENT, { switchable: true });
    const gestionnaire = await signedIn(DEMO_GESTIONNAIRE);
    await referent.call('sync.now');
    const employer = await acceptedEmployer(platform(), referent);
    await gestionnaire.call('sync.now');
    const unshared = offerForm(employer.id, { title: 'Offre de Julien', sharedWithStructure: false });
    const theirs = await gestionnaire.call('offers.create', unshared);
    const edited = await gestionnaire.call('offers.create', { ...unshared, title: 'Autre offre de Julien' });
    const mine = await referent.call(
      'offers.create',
      offerForm(employer.id, { title: 'Offre de Claire', sharedWithStructure: false }),
    );
    await gestionnaire.call('sync.now');
    await referent.call('sync.now');
    expect(await ids(referent)).toEqual(expect.arrayContaining([theirs.id, edited.id, mine.id]));
    // An edit made offline, never sent before the role changes.
    referent.setOnline(false);
    await referent.call('offers.update', { id: edited.id, patch: { positions: 2 } });

    // The transfer is made from another desktop of the référent: this one learns it from the feed.
    const elsewhere = await signedIn(DEMO_REFERENT);
    await elsewhere.call('sync.now');
    const members = await elsewhere.call('members.list');
    const julien = members.find((member) => member.mail === DEMO_GESTIONNAIRE.mail)!;
    await elsewhere.call('members.transfer', { userId: julien.id });
    expect(await ids(elsewhere)).not.toContain(theirs.id);

    referent.setOnline(true);
    await referent.call('sync.now');
    expect(((await referent.call('session.get')) as SignedIn).user.role).toBe('gestionnaire');
    expect(await referent.refuse('offers.get', { id: theirs.id })).toMatchObject({ code: 'not_found' });
    expect(await ids(referent)).toContain(mine.id);
    // The edit the platform now refuses stays, with the platform's reason, until its author drops it.
    await expect(referent.call('offers.get', { id: edited.id })).resolves.toMatchObject({
      positions: 2,
      syncState: 'parked',
    });
    const [issue] = await referent.call('sync.issues');
    expect(issue).toMatchObject({ entityId: edited.id, state: 'parked' });
    expect(await referent.refuse('offers.update', { id: edited.id, patch: { positions: 3 } })).toMatchObject({
      code: 'forbidden',
    });
    await referent.call('sync.discard', { id: issue!.id });
    expect(await ids(referent)).not.toContain(edited.id);

    // The new référent receives the unshared offers of others.
    await gestionnaire.call('sync.now');
    expect(await ids(gestionnaire)).toEqual(expect.arrayContaining([theirs.id, edited.id, mine.id]));
  });
});
