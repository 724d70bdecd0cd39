import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../shared/domain/referentials';
import {
  CONTACT_NEEDS_OFFER,
  CONTACT_OFFER_NOT_OPEN,
  contactSchema,
  profileResultSchema,
  profileSchema,
  RADIUS_NEEDS_COMMUNE,
} from '../../shared/domain/profiles';
import { COMMUNES, offerFields } from '../offers/test-fixtures';
import { COMMUNE_UNKNOWN, DIPLOMA_UNKNOWN, ROME_UNKNOWN } from '../../shared/domain/profiles';
import { PROFILE_GONE } from '../profiles/staff-view';
import { entries, profileCalls, uniqueWord } from '../profiles/test-fixtures';
import { communeByCode } from '../referentials/lookups';
import { expectProblem, newPendingMember, newGestionnaire, usePlatform } from '../test-support';

const START = new Date('2026-03-02T09:00:00.000Z');
let now = START;
const platform = usePlatform({ limits: { registrations: 10_000 }, clock: () => now });
const {
  call,
  team,
  createOffer,
  patchOffer,
  feed,
  newCandidate,
  createProfile,
  search,
  searchProfiles,
  postContact,
  notifications,
} = profileCalls(platform);

/** What staff may see of a profile, and nothing else. */
const STAFF_FIELDS = Object.keys(profileResultSchema.shape).sort();

/** The candidate's secrets: never in an answer to staff. */
const SECRETS = ['@exemple.fr', '07 12 34 56 78', '2007-05-14', 'password'];

function expectNoSecret(body: string) {
  for (const secret of SECRETS) expect(body).not.toContain(secret);
}

const later = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

describe('GET /profiles', () => {
  it('finds every keyword at the start of a word, whatever its accents and case, in métier, diplomas, presentation and commune', async () => {
    const { owner } = await team();
    const word = uniqueWord();
    const candidate = await newCandidate();
    const profile = await createProfile(candidate.token, {
      presentation: `Passionnée de pâtisserie béarnaise, ${word}.`,
    });
    const found = async (q: string) =>
      (await search(owner.token, `?q=${encodeURIComponent(`${word} ${q}`)}`)).profiles.map((p) => p.id);
    expect(await found('PATISSERIE bearn')).toEqual([profile.id]);
    expect(await found('patissier')).toEqual([profile.id]);
    expect(await found('cap')).toEqual([profile.id]);
    expect(await found('bac pro cuisine')).toEqual([profile.id]);
    expect(await found('talence')).toEqual([profile.id]);
    expect(await found('ÉLÈVE')).toEqual([]);
    // A word's middle is no match, and every word must be found.
    expect(await found('tisserie')).toEqual([]);
    expect(await found('patisserie maçon')).toEqual([]);

    const response = await searchProfiles(owner.token, `?q=${word}`);
    expectNoSecret(response.body);
    const [result] = response.json().profiles;
    expect(Object.keys(result).sort()).toEqual(STAFF_FIELDS);
    expect(result).toMatchObject({ id: profile.id, firstName: 'Inès', level: 4, distanceKm: null });
  });

  it.each([
    ['a quote', (word: string) => `"${word}`, 1],
    ['a star', (word: string) => `${word}*`, 1],
    ['NEAR', (word: string) => `${word} NEAR pâtisserie`, 0],
    ['NEAR/2 and parentheses', (word: string) => `(${word} NEAR/2 pâtisserie)`, 0],
    ['SQL', (word: string) => `${word}'; DROP TABLE candidate_profiles; --`, 0],
    ['LIKE wildcards', (word: string) => `${word} %_`, 1],
  ])('answers a search with %s normally, as plain words', async (_what, q, count) => {
    const { owner } = await team();
    const word = uniqueWord();
    const candidate = await newCandidate();
    await createProfile(candidate.token, { presentation: `Cuisine et pâtisserie, ${word}.` });
    const page = await search(owner.token, `?q=${encodeURIComponent(q(word))}`);
    expect(page.total).toBe(count);
    // Still there after the "DROP".
    expect((await search(owner.token, `?q=${word}`)).total).toBe(1);
  });

  it('around a commune: distances to the hundred metres, within the radius, nearest first, then newest', async () => {
    const { owner } = await team();
    const word = uniqueWord();
    const candidate = await newCandidate();
    const at = async (communeCode: string, minutes: number) => {
      now = later(minutes);
      try {
        return await createProfile(candidate.token, { communeCode, presentation: `Projet ${word}.` });
      } finally {
        now = START;
      }
    };
    const merignac = await at(COMMUNES.merignac, 1);
    const bordeauxOld = await at(COMMUNES.bordeaux, 2);
    const talence = await at(COMMUNES.talence, 3);
    const bordeauxNew = await at(COMMUNES.bordeaux, 4);
    const libourne = await at(COMMUNES.libourne, 5);
    const pau = await at(COMMUNES.pau, 6);

    const within10 = await search(owner.token, `?q=${word}&commune=${COMMUNES.bordeaux}&radiusKm=10`);
    expect(within10.profiles.map((p) => p.id)).toEqual([
      bordeauxNew.id,
      bordeauxOld.id,
      talence.id,
      merignac.id,
    ]);
    expect(within10.total).toBe(4);
    const bordeaux = communeByCode().get(COMMUNES.bordeaux)!;
    const expected = Math.round(distanceKm(bordeaux, communeByCode().get(COMMUNES.talence)!) * 10) / 10;
    expect(within10.profiles.map((p) => p.distanceKm)).toEqual([0, 0, expected, expect.any(Number)]);
    expect(within10.profiles[3]!.distanceKm! * 10).toBe(Math.round(within10.profiles[3]!.distanceKm! * 10));

    // Without a radius: all of them, nearest first; a radius of 0: the commune only.
    const everywhere = await search(owner.token, `?q=${word}&commune=${COMMUNES.bordeaux}`);
    expect(everywhere.profiles.map((p) => p.id)).toEqual([
      bordeauxNew.id,
      bordeauxOld.id,
      talence.id,
      merignac.id,
      libourne.id,
      pau.id,
    ]);
    const only = await search(owner.token, `?q=${word}&commune=${COMMUNES.bordeaux}&radiusKm=0`);
    expect(only.profiles.map((p) => p.id)).toEqual([bordeauxNew.id, bordeauxOld.id]);
    // Without a commune: the newest first, no distance.
    const newest = await search(owner.token, `?q=${word}`);
    expect(newest.profiles.map((p) => p.id)).toEqual([
      pau.id,
      libourne.id,
      bordeauxNew.id,
      talence.id,
      bordeauxOld.id,
      merignac.id,
    ]);
    expect(newest.profiles.every((p) => p.distanceKm === null)).toBe(true);
  });

  it('filters by diploma, level, métier, availability, contract, OETH and mobility', async () => {
    const { owner } = await team();
    const word = uniqueWord();
    const candidate = await newCandidate();
    const pastry = await createProfile(candidate.token, {
      presentation: word,
      romeCode: 'D1104',
      diplomas: [{ diplomaId: 'cap-patissier', state: 'prepare' }],
      availableFrom: '2026-09-01',
      contractTypes: ['apprentissage'],
      oeth: false,
      mobilityKm: 25,
    });
    const kitchen = await createProfile(candidate.token, {
      presentation: word,
      romeCode: 'G1602',
      diplomas: [
        { diplomaId: 'cap-cuisine', state: 'obtenu' },
        { diplomaId: 'bacpro-cuisine', state: 'prepare' },
      ],
      availableFrom: '2026-10-15',
      contractTypes: ['apprentissage', 'professionnalisation'],
      oeth: true,
      mobilityKm: 50,
    });
    const found = async (filters: string) =>
      (await search(owner.token, `?q=${word}&${filters}`)).profiles.map((p) => p.id).sort();
    const both = [pastry.id, kitchen.id].sort();
    expect(await found('diploma=cap-patissier')).toEqual([pastry.id]);
    expect(await found('diploma=cap-cuisine')).toEqual([kitchen.id]);
    expect(await found('level=3')).toEqual(both);
    expect(await found('level=4')).toEqual([kitchen.id]);
    expect(await found('level=5')).toEqual([]);
    expect(await found('rome=g1602')).toEqual([kitchen.id]);
    expect(await found('availableBy=2026-09-30')).toEqual([pastry.id]);
    expect(await found('availableBy=2026-10-15')).toEqual(both);
    expect(await found('contractType=professionnalisation')).toEqual([kitchen.id]);
    expect(await found('contractType=apprentissage')).toEqual(both);
    expect(await found('oeth=true')).toEqual([kitchen.id]);
    expect(await found('oeth=false')).toEqual(both);
    expect(await found('mobilityMinKm=30')).toEqual([kitchen.id]);
    expect(await found('mobilityMinKm=25&oeth=true&level=4&rome=G1602')).toEqual([kitchen.id]);
  });

  it('pages the results 20 at a time, with the total', async () => {
    const { owner } = await team();
    const word = uniqueWord();
    const candidate = await newCandidate();
    for (let i = 0; i < 21; i++) await createProfile(candidate.token, { presentation: word });
    const first = await search(owner.token, `?q=${word}`);
    expect(first).toMatchObject({ page: 1, pageSize: 20, total: 21 });
    expect(first.profiles).toHaveLength(20);
    const second = await search(owner.token, `?q=${word}&page=2`);
    expect(second.profiles).toHaveLength(1);
    expect(second.profiles[0]!.id).not.toBe(first.profiles[0]!.id);
    expect((await search(owner.token, `?q=${word}&page=3`)).profiles).toEqual([]);
  });

  it.each([
    [
      'a negative radius',
      `commune=${COMMUNES.bordeaux}&radiusKm=-3`,
      'radiusKm',
      'Le champ « Rayon » ne peut pas être négatif.',
    ],
    [
      'an absurd radius',
      `commune=${COMMUNES.bordeaux}&radiusKm=500`,
      'radiusKm',
      'Le champ « Rayon » ne doit pas dépasser 200 km.',
    ],
    [
      'a radius that is no number',
      `commune=${COMMUNES.bordeaux}&radiusKm=dix`,
      'radiusKm',
      'Le champ « Rayon » doit être un nombre de kilomètres.',
    ],
    ['a radius without a commune', 'radiusKm=10', 'radiusKm', RADIUS_NEEDS_COMMUNE],
    ['a malformed commune', 'commune=Pau', 'commune', undefined],
    ['a level out of range', 'level=9', 'level', 'Niveau de diplôme invalide (3 à 7).'],
    [
      'a negative mobility',
      'mobilityMinKm=-1',
      'mobilityMinKm',
      'Le champ « Mobilité » ne peut pas être négatif.',
    ],
    [
      'a date that is none',
      'availableBy=demain',
      'availableBy',
      'Date de disponibilité invalide (aaaa-mm-jj).',
    ],
    ['an unknown contract', 'contractType=cdi', 'contractType', undefined],
    ['a page 0', 'page=0', 'page', 'La page doit être un entier positif.'],
    [
      'a keyword search too long',
      `q=${'a'.repeat(201)}`,
      'q',
      'La recherche ne doit pas dépasser 200 caractères.',
    ],
  ])('refuses %s with 400, naming the field', async (_what, query, field, detail) => {
    const { owner } = await team();
    const problem = expectProblem(await searchProfiles(owner.token, `?${query}`), 400);
    expect(problem.code).toBe('validation');
    expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    if (detail) expect(problem.errors?.[0]?.detail).toBe(detail);
  });

  it('refuses a commune, a diploma or a métier the referentials do not know with 422, naming each', async () => {
    const { owner } = await team();
    const commune = expectProblem(await searchProfiles(owner.token, '?commune=64999&radiusKm=10'), 422);
    expect(commune).toMatchObject({
      detail: COMMUNE_UNKNOWN,
      errors: [
        {
          field: 'commune',
          detail: 'Commune inconnue : choisissez une commune de Nouvelle-Aquitaine dans la liste.',
        },
      ],
    });
    const diploma = expectProblem(await searchProfiles(owner.token, '?diploma=cap-astronaute'), 422);
    expect(diploma.errors).toEqual([{ field: 'diploma', detail: DIPLOMA_UNKNOWN }]);
    const rome = expectProblem(await searchProfiles(owner.token, '?rome=Z9999'), 400);
    expect(rome.errors?.[0]?.field).toBe('rome');
    const unknownRome = expectProblem(await searchProfiles(owner.token, '?rome=A9999'), 422);
    expect(unknownRome.errors).toEqual([{ field: 'rome', detail: ROME_UNKNOWN }]);
    const all = expectProblem(
      await searchProfiles(owner.token, '?commune=64999&diploma=cap-astronaute'),
      422,
    );
    expect(all.errors?.map((e) => e.field)).toEqual(['commune', 'diploma']);
  });

  it('is for the members of a structure only', async () => {
    const { owner } = await team();
    expect(expectProblem(await searchProfiles('', ''), 401).code).toBe('token_missing');
    const candidate = await newCandidate();
    expect(expectProblem(await searchProfiles(candidate.token, ''), 403).code).toBe('candidate_account');
    const structure = (await call('GET', '/structure', owner.token)).json();
    const pending = await newPendingMember(platform, structure.siret);
    expect(expectProblem(await searchProfiles(pending.token, ''), 403).code).toBe('membership_pending');
  });
});

describe('GET /profiles/{id}', () => {
  it('shows the profile as staff see it, and says when the candidate deleted it', async () => {
    const { owner } = await team();
    const candidate = await newCandidate();
    const profile = await createProfile(candidate.token);
    const response = await call('GET', `/profiles/${profile.id}`, owner.token);
    expect(response.statusCode).toBe(200);
    expectNoSecret(response.body);
    expect(profileSchema.parse(response.json())).toEqual({
      id: profile.id,
      firstName: 'Inès',
      lastName: 'Duboscq',
      age: 18,
      romeCode: 'D1104',
      romeLabel: 'Pâtissier / Pâtissière',
      diplomas: [
        { id: 'cap-patissier', label: 'CAP Pâtissier', level: 3, state: 'prepare' },
        { id: 'bacpro-cuisine', label: 'Bac pro Cuisine', level: 4, state: 'obtenu' },
      ],
      communeCode: COMMUNES.talence,
      communeName: 'Talence',
      mobilityKm: 25,
      availableFrom: '2026-09-01',
      contractTypes: ['apprentissage'],
      presentation: profile.presentation,
      oeth: false,
      level: 4,
      createdAt: START.toISOString(),
    });
    expect(Object.keys(response.json()).sort()).toEqual(Object.keys(profileSchema.shape).sort());

    expect((await call('DELETE', `/candidate/profiles/${profile.id}`, candidate.token)).statusCode).toBe(204);
    const gone = expectProblem(await call('GET', `/profiles/${profile.id}`, owner.token), 404);
    expect(gone).toMatchObject({ code: 'profile_gone', detail: PROFILE_GONE });
    expect(expectProblem(await call('GET', '/profiles/12', owner.token), 400).errors?.[0]?.field).toBe('id');
  });
});

describe('POST /profiles/{id}/contact', () => {
  const MESSAGE = 'Bonjour, notre offre vous intéresserait-elle ? Écrivez-nous à recrutement@cfa.fr.';

  async function contactable(options: { shared?: boolean } = {}) {
    const members = await team();
    const offer = await createOffer(
      members.colleague.token,
      offerFields(members.employer.id, { sharedWithStructure: options.shared ?? true }),
    );
    const candidate = await newCandidate();
    const profile = await createProfile(candidate.token);
    return { ...members, offer, candidate, profile };
  }

  it('keeps the message in the profile’s history, in the feed, and notifies the candidate', async () => {
    const { owner, colleague, offer, candidate, profile } = await contactable();
    now = later(30);
    const response = await postContact(owner.token, profile.id, { offerId: offer.id, message: MESSAGE });
    now = START;
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const contact = contactSchema.parse(response.json());
    expect(contact).toEqual({
      id: expect.any(String),
      profileId: profile.id,
      profileName: 'Inès Duboscq',
      offerId: offer.id,
      offerNumber: offer.number,
      offerTitle: offer.title,
      message: MESSAGE,
      sentBy: 'Régine Référent',
      sentAt: later(30).toISOString(),
      version: 1,
      updatedAt: later(30).toISOString(),
    });
    for (const member of [owner, colleague]) {
      const changes = await feed(member.token);
      expect(entries(changes, contact.id)).toEqual(['contact:1']);
      expect(changes.find((c) => c.id === contact.id)!.data).toEqual(contact);
    }
    const structure = (await call('GET', '/structure', owner.token)).json();
    const notified = await notifications(candidate.token);
    expect(notified).toEqual([
      {
        id: expect.any(String),
        kind: 'contact',
        applicationId: null,
        applicationNumber: null,
        profileId: profile.id,
        offerNumber: offer.number,
        offerTitle: offer.title,
        structureName: structure.tradeName ?? structure.legalName,
        message: MESSAGE,
        refusalReason: null,
        createdAt: later(30).toISOString(),
      },
    ]);
  });

  it.each([
    ['without an offer', { message: MESSAGE }, 'offerId', CONTACT_NEEDS_OFFER],
    ['with an empty offer', { offerId: '', message: MESSAGE }, 'offerId', CONTACT_NEEDS_OFFER],
    ['without a message', { offerId: 'OFFER' }, 'message', 'Le champ « Message » est obligatoire.'],
    [
      'with a blank message',
      { offerId: 'OFFER', message: '  \n ' },
      'message',
      'Le champ « Message » est obligatoire.',
    ],
  ])(
    'refuses a contact %s, naming the field, and tells the candidate nothing',
    async (_what, body, field, detail) => {
      const { owner, offer, candidate, profile } = await contactable();
      const filled = Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, v === 'OFFER' ? offer.id : v]),
      );
      const problem = expectProblem(await postContact(owner.token, profile.id, filled), 400);
      expect(problem.errors).toEqual([{ field, detail }]);
      expect(await notifications(candidate.token)).toEqual([]);
    },
  );

  it('refuses an offer that is not « En cours », unknown, of another structure or unshared by a colleague', async () => {
    const { owner, colleague, employer, offer, candidate, profile } = await contactable();
    const filled = await createOffer(owner.token, offerFields(employer.id));
    const patched = await patchOffer(owner.token, filled, { status: 'pourvue' });
    expect(patched.statusCode).toBe(200);
    const closed = expectProblem(
      await postContact(owner.token, profile.id, { offerId: filled.id, message: MESSAGE }),
      422,
    );
    expect(closed).toMatchObject({
      code: 'offer_not_open',
      errors: [{ field: 'offerId', detail: CONTACT_OFFER_NOT_OPEN }],
    });

    const unknown = { field: 'offerId', detail: 'Offre inconnue.' };
    const random = '00000000-0000-4000-8000-000000000000';
    expect(
      expectProblem(await postContact(owner.token, profile.id, { offerId: random, message: MESSAGE }), 422)
        .errors,
    ).toEqual([unknown]);
    const stranger = await team();
    expect(
      expectProblem(
        await postContact(stranger.owner.token, profile.id, { offerId: offer.id, message: MESSAGE }),
        422,
      ).errors,
    ).toEqual([unknown]);
    const hidden = await createOffer(owner.token, offerFields(employer.id, { sharedWithStructure: false }));
    expect(
      expectProblem(
        await postContact(colleague.token, profile.id, { offerId: hidden.id, message: MESSAGE }),
        422,
      ).errors,
    ).toEqual([unknown]);
    expect(await notifications(candidate.token)).toEqual([]);
  });

  it('answers 404 for a profile the candidate deleted', async () => {
    const { owner, offer, candidate, profile } = await contactable();
    await call('DELETE', `/candidate/profiles/${profile.id}`, candidate.token);
    const problem = expectProblem(
      await postContact(owner.token, profile.id, { offerId: offer.id, message: MESSAGE }),
      404,
    );
    expect(problem.detail).toBe(PROFILE_GONE);
  });

  it('sends once per Idempotency-Key; an id already taken is a conflict', async () => {
    const { owner, offer, candidate, profile } = await contactable();
    const body = { id: randomUUID(), offerId: offer.id, message: MESSAGE };
    const first = await postContact(owner.token, profile.id, body, { 'idempotency-key': 'contact-une-fois' });
    const again = await postContact(owner.token, profile.id, body, { 'idempotency-key': 'contact-une-fois' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await notifications(candidate.token)).toHaveLength(1);
    const taken = expectProblem(
      await postContact(owner.token, profile.id, body, { 'idempotency-key': 'contact-autre-cle' }),
      409,
    );
    expect(taken).toMatchObject({ code: 'id_taken', errors: [{ field: 'id' }] });
  });

  it('follows the sharing of its offer in the feed', async () => {
    const { owner, colleague, offer, profile } = await contactable({ shared: false });
    const other = await newGestionnaire(platform, {
      token: owner.token,
      siret: (await call('GET', '/structure', owner.token)).json().siret,
    });
    const response = await postContact(colleague.token, profile.id, { offerId: offer.id, message: MESSAGE });
    expect(response.statusCode).toBe(201);
    const { id } = response.json();
    expect(entries(await feed(colleague.token), id)).toEqual(['private_contact:1']);
    expect(entries(await feed(owner.token), id)).toEqual(['private_contact:1']);
    expect(entries(await feed(other.token), id)).toEqual([]);
    const shared = await patchOffer(colleague.token, offer, { sharedWithStructure: true });
    expect(shared.statusCode).toBe(200);
    expect(entries(await feed(owner.token), id)).toEqual(['-private_contact', 'contact:1']);
    expect(entries(await feed(other.token), id)).toEqual(['contact:1']);
  });

  it('keeps staff’s message when the candidate deletes the profile, without the candidate’s name', async () => {
    const { owner, offer, candidate, profile } = await contactable();
    const sent = contactSchema.parse(
      (await postContact(owner.token, profile.id, { offerId: offer.id, message: MESSAGE })).json(),
    );
    now = later(60);
    await call('DELETE', `/candidate/profiles/${profile.id}`, candidate.token);
    now = START;
    const entry = (await feed(owner.token)).find((c) => c.id === sent.id)!;
    expect(contactSchema.parse(entry.data)).toEqual({
      ...sent,
      profileName: 'Candidat (données supprimées)',
      version: 2,
      updatedAt: later(60).toISOString(),
    });
    const logged = await platform()
      .db.selectFrom('sync_log')
      .select('data')
      .where('entity_id', '=', sent.id)
      .execute();
    for (const { data } of logged) expect(data).not.toContain('Duboscq');
  });
});
