import { describe, expect, it } from 'vitest';
import { REFUSED_CLOSED } from '../../platform/employers/screening';
import { DEMO_GESTIONNAIRE, DEMO_PENDING, DEMO_REFERENT } from '../../platform/seed/demo';
import { useDesktops } from '../../tests/support/desktops';
import { acceptedEmployer, directorySirets, employerForm } from '../../tests/support/partners';
import { MEMBERS_ONLY } from './handlers/membership';

// "Suivi des employeurs" from desktops against the reference platform: requests are saved here
// at once, and the platform accepts or refuses them when they arrive.

const { signedIn, platform } = useDesktops();

async function companyName(siret: string): Promise<string> {
  const row = await platform()
    .db.selectFrom('companies')
    .select('legal_name')
    .where('siret', '=', siret)
    .executeTakeFirstOrThrow();
  return row.legal_name;
}

describe('partner employers on the desktop', () => {
  it('saves a request made offline "En attente", then shows the platform’s acceptance after sync', async () => {
    const [siret] = await directorySirets(platform(), { active: true, count: 1 });
    const referent = await signedIn(DEMO_REFERENT, { switchable: true });
    await referent.call('sync.now');
    referent.setOnline(false);

    const waiting = await referent.call('employers.create', employerForm(siret!));
    expect(waiting).toMatchObject({
      siret,
      status: 'en_attente',
      legalName: null,
      address: null,
      contactMail: 'maite.larrieu@exemple.fr',
      contactPhone: '+33556123456',
      createdBy: referent.session.user.id,
      version: 0,
      syncState: 'pending',
      offersInProgress: 0,
      offersTotal: 0,
    });
    expect((await referent.call('employers.list')).map((e) => e.id)).toContain(waiting.id);
    // The same establishment cannot be asked for twice.
    expect(await referent.refuse('employers.create', employerForm(siret!))).toMatchObject({
      code: 'validation',
      fields: { siret: expect.stringContaining('déjà en attente') },
    });

    referent.setOnline(true);
    await referent.call('sync.now');
    const accepted = await referent.call('employers.get', { id: waiting.id });
    expect(accepted).toMatchObject({
      status: 'acceptee',
      refusalReason: null,
      legalName: await companyName(siret!),
      address: { communeName: expect.any(String) },
      syncState: 'synced',
    });
    expect(accepted.version).toBeGreaterThan(0);

    // The structure's other members see it after their sync.
    const gestionnaire = await signedIn(DEMO_GESTIONNAIRE);
    await gestionnaire.call('sync.now');
    await expect(gestionnaire.call('employers.get', { id: waiting.id })).resolves.toMatchObject({
      status: 'acceptee',
    });
  });

  it('shows the platform’s reason when it refuses a request', async () => {
    const [closed] = await directorySirets(platform(), { active: false, count: 1 });
    const referent = await signedIn(DEMO_REFERENT);
    const request = await referent.call('employers.create', employerForm(closed!));
    await referent.call('sync.now');
    await expect(referent.call('employers.get', { id: request.id })).resolves.toMatchObject({
      status: 'refusee',
      refusalReason: REFUSED_CLOSED,
      syncState: 'synced',
    });
    // A refused request does not stand in the way of a new one.
    await expect(referent.call('employers.create', employerForm(closed!))).resolves.toMatchObject({
      status: 'en_attente',
    });
  });

  it('changes the contact person here first, then on the platform', async () => {
    const referent = await signedIn(DEMO_REFERENT);
    const employer = await acceptedEmployer(platform(), referent);
    const changed = await referent.call('employers.update', {
      id: employer.id,
      patch: { contactFirstName: 'Jon', contactPhone: '06 11 22 33 44' },
    });
    expect(changed).toMatchObject({
      contactFirstName: 'Jon',
      contactPhone: '+33611223344',
      syncState: 'pending',
    });
    expect(
      await referent.refuse('employers.update', { id: employer.id, patch: { contactMail: 'pas-un-mail' } }),
    ).toMatchObject({
      code: 'validation',
      fields: { 'patch.contactMail': expect.stringContaining('Mail du contact') },
    });
    await referent.call('sync.now');
    const stored = await platform()
      .db.selectFrom('employers')
      .select(['contact_first_name', 'contact_phone'])
      .where('id', '=', employer.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ contact_first_name: 'Jon', contact_phone: '+33611223344' });
  });

  it('imports the valid rows of a file together and reports each refused row with its reason', async () => {
    const [partner, first, second] = await directorySirets(platform(), { active: true, count: 3 });
    const referent = await signedIn(DEMO_REFERENT, { switchable: true });
    await referent.call('employers.create', employerForm(partner!));
    await referent.call('sync.now');
    referent.setOnline(false);

    const report = await referent.call('employers.import', {
      rows: [
        { line: 2, values: employerForm(first!) },
        { line: 3, values: { ...employerForm(second!), raisonSociale: 'colonne en plus, ignorée' } },
        { line: 4, values: employerForm('12345678901234') },
        { line: 5, values: employerForm(first!, { contactLastName: 'Doublon' }) },
        { line: 6, values: employerForm(partner!) },
        { line: 7, values: employerForm('44306184100047', { contactMail: 'pas-un-mail', contactPhone: '' }) },
      ],
    });
    expect(report.imported).toBe(2);
    expect(report.rejected).toEqual([
      { line: 4, siret: '123 456 789 01234', reason: expect.stringContaining('Siret') },
      { line: 5, siret: first, reason: expect.stringContaining('déjà ligne 2') },
      { line: 6, siret: partner, reason: expect.stringContaining('déjà un employeur partenaire') },
      {
        line: 7,
        siret: '443 061 841 00047',
        reason: expect.stringMatching(/Mail du contact.*Téléphone du contact/),
      },
    ]);
    const status = await referent.call('sync.status');
    expect(status.pending).toBe(2);

    referent.setOnline(true);
    await referent.call('sync.now');
    const employers = await referent.call('employers.list');
    for (const siret of [first, second])
      expect(employers.find((e) => e.siret === siret)).toMatchObject({
        status: 'acceptee',
        syncState: 'synced',
      });
  });

  it('refuses requests from a collaborator whose joining is still pending', async () => {
    const [siret] = await directorySirets(platform(), { active: true, count: 1 });
    const pending = await signedIn(DEMO_PENDING);
    expect(await pending.refuse('employers.create', employerForm(siret!))).toEqual({
      code: 'forbidden',
      message: MEMBERS_ONLY,
    });
    await expect(pending.call('employers.list')).resolves.toEqual([]);
  });
});
