import { describe, expect, it } from 'vitest';
import { ALERTS_PER_OFFER, alertSchema, type Alert } from '../../shared/domain/alerts';
import type { ProfileCreate } from '../../shared/domain/candidates';
import { offerSchema, type Offer, type OfferFormInput } from '../../shared/domain/offers';
import { recomputeStructureAlerts } from '../alerts/compute';
import { offerFields } from '../offers/test-fixtures';
import { entries, profileCalls } from '../profiles/test-fixtures';
import { expectProblem, newGestionnaire, usePlatform } from '../test-support';

const START = new Date('2026-03-02T09:00:00.000Z');
let now = START;
const platform = usePlatform({ limits: { registrations: 10_000 }, clock: () => now });
const {
  call,
  team,
  createOffer,
  patchOffer,
  getOffer,
  feed,
  newCandidate,
  createProfile,
  apply,
  alerts,
  dismiss,
} = profileCalls(platform);

const later = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

// Each test has its own town, 58 km at least from the others, and candidates who go 20 km at most:
// the profiles of one test are never alerts of another's offers.
const TOWNS = {
  pau: '64445',
  limoges: '87085',
  poitiers: '86194',
  laRochelle: '17300',
  perigueux: '24322',
  agen: '47001',
  montDeMarsan: '40192',
  angouleme: '16015',
  tulle: '19272',
  gueret: '23096',
} as const;

/** A pastry apprentice's offer starting on 1 September. */
function pastryOffer(employerId: string, communeCode: string, overrides: Partial<OfferFormInput> = {}) {
  return offerFields(employerId, {
    communeCode,
    romeCode: 'D1104',
    diplomaIds: ['cap-patissier'],
    startDate: '2026-09-01',
    contractType: 'apprentissage',
    ...overrides,
  });
}

/** Everything the pastry offer asks for (score 100), in `communeCode`. */
function pastryProfile(communeCode: string, overrides: Partial<ProfileCreate> = {}): Partial<ProfileCreate> {
  return {
    romeCode: 'D1104',
    diplomas: [{ diplomaId: 'cap-patissier', state: 'prepare' }],
    communeCode,
    mobilityKm: 20,
    availableFrom: '2026-08-15',
    contractTypes: ['apprentissage'],
    ...overrides,
  };
}

/** A baker's project, same domain and level (score 75). */
function bakerProfile(communeCode: string): Partial<ProfileCreate> {
  return pastryProfile(communeCode, {
    romeCode: 'D1102',
    diplomas: [{ diplomaId: 'cap-boulanger', state: 'prepare' }],
    availableFrom: '2026-09-01',
  });
}

/** A profile made at `minutes` past the start (alerts of equal score: the newest first). */
async function profileAt(token: string, minutes: number, fields: Partial<ProfileCreate>) {
  now = later(minutes);
  try {
    return await createProfile(token, fields);
  } finally {
    now = START;
  }
}

async function patched(token: string, offer: Offer, patch: Record<string, unknown>) {
  const current = offerSchema.parse((await getOffer(token, offer.id)).json());
  const response = await patchOffer(token, current, patch);
  expect(response.statusCode, response.body).toBe(200);
  return offerSchema.parse(response.json());
}

const profileIds = (list: Alert[]) => list.map((alert) => alert.profile.id);

describe('GET /alerts', () => {
  it('lists the profiles that suit the structure’s offers « En cours », best first, with the score and its reasons', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, pastryOffer(employer.id, TOWNS.pau));
    expect(await alerts(owner.token, offer.id)).toEqual([]);

    const candidate = await newCandidate();
    now = later(10);
    const best = await createProfile(candidate.token, pastryProfile(TOWNS.pau));
    now = START;
    const baker = await createProfile(candidate.token, bakerProfile(TOWNS.pau));
    // Another contract, or too far for the candidate: no alert, whatever the rest.
    await createProfile(candidate.token, pastryProfile(TOWNS.pau, { contractTypes: ['stage'] }));
    await createProfile(candidate.token, pastryProfile('64102'));

    const response = await call('GET', `/alerts?offerId=${offer.id}`, owner.token);
    expect(response.statusCode).toBe(200);
    for (const secret of [candidate.mail, '07 12 34 56 78', '2007-05-14'])
      expect(response.body).not.toContain(secret);
    const [first, second, ...others] = alertSchema.array().parse(response.json().alerts);
    expect(others).toEqual([]);
    expect(first).toEqual({
      id: expect.any(String),
      offerId: offer.id,
      offerNumber: offer.number,
      offerTitle: offer.title,
      profile: expect.objectContaining({
        id: best.id,
        firstName: 'Inès',
        lastName: 'Duboscq',
        age: 18,
        level: 3,
      }),
      score: 100,
      reasons: [
        { criterion: 'metier', met: true, points: 35, text: 'Même métier' },
        { criterion: 'diplome', met: true, points: 25, text: 'Prépare le diplôme « CAP Pâtissier »' },
        { criterion: 'distance', met: true, points: 20, text: 'Dans la même commune' },
        { criterion: 'disponibilite', met: true, points: 10, text: 'Disponible au 15 août' },
        { criterion: 'contrat', met: true, points: 10, text: 'Cherche un contrat d’apprentissage' },
      ],
      dismissed: false,
      dismissedBy: null,
      createdAt: later(10).toISOString(),
      version: 1,
      updatedAt: later(10).toISOString(),
    });
    expect(second).toMatchObject({ profile: { id: baker.id }, score: 75 });
    expect(second!.reasons.map((r) => r.text).slice(0, 2)).toEqual([
      'Métier du même domaine',
      'Même niveau de diplôme (niveau 3)',
    ]);

    // An offer made afterwards, or duplicated, finds them at once; the structure's list has all.
    const other = await createOffer(owner.token, pastryOffer(employer.id, TOWNS.pau));
    expect(profileIds(await alerts(owner.token, other.id))).toEqual([best.id, baker.id]);
    const copied = await call('POST', `/offers/${offer.id}/duplicate`, owner.token, {});
    expect(copied.statusCode).toBe(201);
    expect(profileIds(await alerts(owner.token, copied.json().id))).toEqual([best.id, baker.id]);
    expect(await alerts(owner.token)).toHaveLength(6);
    const changes = await feed(owner.token);
    expect(entries(changes, first!.id)).toEqual(['alert:1']);
    expect(alertSchema.parse(changes.find((c) => c.id === first!.id)!.data)).toEqual(first);
    // Another structure sees none of them.
    expect(await alerts((await team()).owner.token)).toEqual([]);
  });

  it('keeps the best 20 of an offer (the newest profiles on equal scores); an application hands its place on', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, pastryOffer(employer.id, TOWNS.limoges));
    const candidate = await newCandidate();
    const made = [];
    for (let i = 0; i < 22; i++) made.push(await profileAt(candidate.token, i, pastryProfile(TOWNS.limoges)));
    await createProfile(candidate.token, bakerProfile(TOWNS.limoges));
    const newest20 = made
      .slice(2)
      .reverse()
      .map((p) => p.id);
    expect(profileIds(await alerts(owner.token, offer.id))).toEqual(newest20);
    // Computed again from scratch (an edit of the offer's title): the same.
    await patched(owner.token, offer, { title: 'Pâtissier(ère) — entremets et chocolat' });
    expect(profileIds(await alerts(owner.token, offer.id))).toEqual(newest20);

    const leaving = await alerts(owner.token, offer.id);
    await apply(candidate.token, { profileId: made[21]!.id, offerId: offer.id });
    const after = await alerts(owner.token, offer.id);
    expect(profileIds(after)).toEqual([...newest20.slice(1), made[1]!.id]);
    expect(entries(await feed(owner.token), leaving[0]!.id)).toEqual(['-alert']);
  });

  it('loses them when the offer leaves « En cours »; republished, finds them again, never the dismissed ones', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, pastryOffer(employer.id, TOWNS.poitiers));
    const candidate = await newCandidate();
    const kept = await createProfile(candidate.token, pastryProfile(TOWNS.poitiers));
    const ignored = await createProfile(candidate.token, bakerProfile(TOWNS.poitiers));
    const [alert, toIgnore] = await alerts(owner.token, offer.id);
    expect((await dismiss(owner.token, toIgnore!)).statusCode).toBe(200);

    await patched(owner.token, offer, { status: 'pourvue' });
    expect(await alerts(owner.token, offer.id)).toEqual([]);
    const changes = await feed(owner.token);
    expect(entries(changes, alert!.id)).toEqual(['-alert']);
    expect(entries(changes, toIgnore!.id)).toEqual(['alert:2']);

    await patched(owner.token, offer, { status: 'en_cours' });
    const back = await alerts(owner.token, offer.id);
    expect(profileIds(back)).toEqual([kept.id]);
    expect(back[0]!.id).not.toBe(alert!.id);
    expect(profileIds(back)).not.toContain(ignored.id);

    // Archived at its end date: the same.
    const republished = offerSchema.parse((await getOffer(owner.token, offer.id)).json());
    now = new Date(Date.parse(republished.archiveAt!) + 1000);
    try {
      expect(await alerts(owner.token, offer.id)).toEqual([]);
      expect(entries(await feed(owner.token), back[0]!.id)).toEqual(['-alert']);
    } finally {
      now = START;
    }
  });

  it('changes an alert’s version only when what it says changes, and deletes one that no longer suits', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, pastryOffer(employer.id, TOWNS.laRochelle));
    const candidate = await newCandidate();
    await createProfile(candidate.token, pastryProfile(TOWNS.laRochelle));
    const [alert] = await alerts(owner.token, offer.id);

    await patched(owner.token, offer, { description: 'Une autre description, plus longue.' });
    expect(await alerts(owner.token, offer.id)).toEqual([alert]);
    expect(entries(await feed(owner.token), alert!.id)).toEqual(['alert:1']);

    now = later(30);
    await patched(owner.token, offer, { title: 'Pâtissier(ère) en alternance' });
    now = START;
    const [retitled] = await alerts(owner.token, offer.id);
    expect(retitled).toEqual({
      ...alert,
      offerTitle: 'Pâtissier(ère) en alternance',
      version: 2,
      updatedAt: later(30).toISOString(),
    });

    // Another métier, still the diploma: 65, an alert with other reasons.
    await patched(owner.token, offer, { romeCode: 'G1602' });
    const [other] = await alerts(owner.token, offer.id);
    expect(other).toMatchObject({ id: alert!.id, score: 65, version: 3 });
    expect(other!.reasons[0]).toEqual({ criterion: 'metier', met: false, points: 0, text: 'Autre métier' });
    // Neither the métier nor the diploma: 55, no longer an alert.
    await patched(owner.token, offer, { diplomaIds: ['cap-cuisine'] });
    expect(await alerts(owner.token, offer.id)).toEqual([]);
    expect(entries(await feed(owner.token), alert!.id)).toEqual(['-alert']);
  });

  it('are computed again on an edit of what they match or show, not on one of the description', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, pastryOffer(employer.id, TOWNS.gueret));
    const candidate = await newCandidate();
    await createProfile(candidate.token, pastryProfile(TOWNS.gueret));
    const [alert] = await alerts(owner.token, offer.id);
    expect(alert).toMatchObject({ score: 100, version: 1 });
    // A score no computation gives: it stays as long as the alerts are not computed again.
    await platform().db.updateTable('alerts').set({ score: 1 }).where('id', '=', alert!.id).execute();
    const stale = { ...alert!, score: 1 };

    await patched(owner.token, offer, { description: 'Entremets, viennoiseries et chocolat.' });
    expect(await alerts(owner.token, offer.id)).toEqual([stale]);
    expect(entries(await feed(owner.token), alert!.id)).toEqual(['alert:1']);

    now = later(20);
    await patched(owner.token, offer, { startDate: '2026-09-07' });
    now = START;
    const [computed] = await alerts(owner.token, offer.id);
    expect(computed).toMatchObject({
      id: alert!.id,
      score: 100,
      version: 2,
      updatedAt: later(20).toISOString(),
    });
  });

  it('takes a deleted profile’s alerts away, and the offer its next best profile', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, pastryOffer(employer.id, TOWNS.montDeMarsan));
    const candidate = await newCandidate();
    const leaving = await newCandidate();
    const gone = await profileAt(leaving.token, 0, pastryProfile(TOWNS.montDeMarsan));
    for (let i = 1; i < 20; i++) await profileAt(candidate.token, i, pastryProfile(TOWNS.montDeMarsan));
    const next = await createProfile(candidate.token, bakerProfile(TOWNS.montDeMarsan));
    const before = await alerts(owner.token, offer.id);
    expect(profileIds(before)).toContain(gone.id);
    expect(profileIds(before)).not.toContain(next.id);

    await call('DELETE', `/candidate/profiles/${gone.id}`, leaving.token);
    const after = await alerts(owner.token, offer.id);
    expect(profileIds(after)).not.toContain(gone.id);
    expect(profileIds(after).at(-1)).toBe(next.id);
    const removed = before.find((a) => a.profile.id === gone.id)!;
    expect(entries(await feed(owner.token), removed.id)).toEqual(['-alert']);

    // A closed account: all of its profiles' alerts.
    await call('DELETE', '/candidate/account', candidate.token);
    expect(await alerts(owner.token, offer.id)).toEqual([]);
  });
});

describe('PATCH /alerts/{id}', () => {
  it('dismisses an alert for the whole structure, with If-Match; it never comes back', async () => {
    const { owner, colleague, employer } = await team();
    const offer = await createOffer(owner.token, pastryOffer(employer.id, TOWNS.perigueux));
    const candidate = await newCandidate();
    await createProfile(candidate.token, pastryProfile(TOWNS.perigueux));
    const [alert] = await alerts(owner.token, offer.id);

    now = later(15);
    const response = await dismiss(
      colleague.token,
      alert!,
      { dismissed: true },
      { 'idempotency-key': 'ignorer-1' },
    );
    now = START;
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const dismissed = alertSchema.parse(response.json());
    expect(dismissed).toEqual({
      ...alert,
      dismissed: true,
      dismissedBy: 'Léa Attente',
      version: 2,
      updatedAt: later(15).toISOString(),
    });
    expect(await alerts(owner.token, offer.id)).toEqual([]);
    const changes = await feed(owner.token);
    expect(entries(changes, alert!.id)).toEqual(['alert:2']);
    expect(changes.find((c) => c.id === alert!.id)!.data).toEqual(dismissed);
    // Replayed, or dismissed again from a desktop that had the old version: unchanged.
    const replay = await dismiss(
      colleague.token,
      alert!,
      { dismissed: true },
      { 'idempotency-key': 'ignorer-1' },
    );
    expect(replay.json()).toEqual(dismissed);
    expect((await dismiss(owner.token, alert!)).json()).toEqual(dismissed);
    // Computed again: still dismissed, untouched.
    await patched(owner.token, offer, { title: 'Pâtissier(ère) confirmé(e)' });
    expect(await alerts(owner.token, offer.id)).toEqual([]);
    expect(entries(await feed(owner.token), alert!.id)).toEqual(['alert:2']);
  });

  it('hands the dismissed alert’s place to the next best profile, as a computation from scratch does', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, pastryOffer(employer.id, TOWNS.tulle));
    const candidate = await newCandidate();
    const made = [];
    for (let i = 0; i < ALERTS_PER_OFFER + 2; i++)
      made.push(await profileAt(candidate.token, i, pastryProfile(TOWNS.tulle)));
    const before = await alerts(owner.token, offer.id);
    expect(before).toHaveLength(ALERTS_PER_OFFER);
    expect(profileIds(before)).not.toContain(made[1]!.id);

    const dismissed = before[2]!;
    expect((await dismiss(owner.token, dismissed)).statusCode).toBe(200);
    const after = await alerts(owner.token, offer.id);
    expect(after).toHaveLength(ALERTS_PER_OFFER);
    expect(profileIds(after)).toEqual([
      ...profileIds(before).filter((id) => id !== dismissed.profile.id),
      made[1]!.id,
    ]);
    const changes = await feed(owner.token);
    const next = after.at(-1)!;
    expect(entries(changes, dismissed.id)).toEqual(['alert:2']);
    expect(entries(changes, next.id)).toEqual(['alert:1']);
    expect(changes.findIndex((c) => c.id === dismissed.id)).toBeLessThan(
      changes.findIndex((c) => c.id === next.id),
    );

    const tally = await platform()
      .db.transaction()
      .execute((trx) => recomputeStructureAlerts(trx, owner.structureId, now));
    expect(tally).toEqual({ created: 0, updated: 0, deleted: 0 });
    expect(await alerts(owner.token, offer.id)).toEqual(after);
  });

  it('refuses a stale If-Match (412 with the alert), none (428), an undoing (400) and an unknown alert (404)', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, pastryOffer(employer.id, TOWNS.angouleme));
    const candidate = await newCandidate();
    await createProfile(candidate.token, pastryProfile(TOWNS.angouleme));
    const [alert] = await alerts(owner.token, offer.id);
    await patched(owner.token, offer, { title: 'Pâtissier(ère) — nouvel intitulé' });
    const [current] = await alerts(owner.token, offer.id);

    const stale = expectProblem(await dismiss(owner.token, alert!), 412);
    expect(stale).toMatchObject({ code: 'version_mismatch', current });
    const missing = await call('PATCH', `/alerts/${alert!.id}`, owner.token, { dismissed: true });
    expect(expectProblem(missing, 428).code).toBe('if_match_required');
    const undo = expectProblem(await dismiss(owner.token, current!, { dismissed: false }), 400);
    expect(undo.errors).toEqual([
      { field: 'dismissed', detail: 'Une alerte ne peut qu’être ignorée (dismissed: true).' },
    ]);
    expect(expectProblem(await dismiss(owner.token, current!, { dismissed: true, score: 0 }), 400).code).toBe(
      'validation',
    );
    const unknown = expectProblem(
      await dismiss(owner.token, { id: '00000000-0000-4000-8000-000000000000', version: 1 }),
      404,
    );
    expect(unknown.code).toBe('alert_unknown');
    expect(await alerts(owner.token, offer.id)).toEqual([current]);
  });
});

describe('alerts in the feed', () => {
  it('travel as "private_alert" for an unshared offer, move with its sharing, and reach a new référent', async () => {
    const { owner, colleague, employer } = await team();
    const siret = (await call('GET', '/structure', owner.token)).json().siret;
    const other = await newGestionnaire(platform, { token: owner.token, siret });
    const offer = await createOffer(
      colleague.token,
      pastryOffer(employer.id, TOWNS.agen, { sharedWithStructure: false }),
    );
    const candidate = await newCandidate();
    await createProfile(candidate.token, pastryProfile(TOWNS.agen));
    const [alert] = await alerts(colleague.token, offer.id);
    expect(entries(await feed(colleague.token), alert!.id)).toEqual(['private_alert:1']);
    expect(entries(await feed(owner.token), alert!.id)).toEqual(['private_alert:1']);
    expect(entries(await feed(other.token), alert!.id)).toEqual([]);
    expect(await alerts(other.token)).toEqual([]);
    expect(expectProblem(await dismiss(other.token, alert!), 404).code).toBe('alert_unknown');

    const shared = await patched(colleague.token, offer, { sharedWithStructure: true });
    expect(entries(await feed(owner.token), alert!.id)).toEqual(['-private_alert', 'alert:1']);
    expect(entries(await feed(other.token), alert!.id)).toEqual(['alert:1']);
    await patched(colleague.token, shared, { sharedWithStructure: false });
    expect(entries(await feed(other.token), alert!.id)).toEqual(['-alert']);

    const cursor = Math.max(...(await feed(other.token)).map((c) => c.seq));
    const transfer = await call('POST', '/structure/transfer', owner.token, { userId: other.id });
    expect(transfer.statusCode).toBe(200);
    const received = await feed(other.token, cursor);
    expect(entries(received, alert!.id)).toEqual(['private_alert:1']);
    expect(received.findIndex((c) => c.id === offer.id)).toBeLessThan(
      received.findIndex((c) => c.id === alert!.id),
    );
  });
});
