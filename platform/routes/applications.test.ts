import { describe, expect, it } from 'vitest';
import type { Change } from '../../shared/api/sync';
import {
  applicationSchema,
  applicationsPageSchema,
  type Application,
  receivedState,
} from '../../shared/domain/applications';
import { candidateNotificationSchema } from '../../shared/domain/candidates';
import { offerSchema, type Offer } from '../../shared/domain/offers';
import { candidateCalls } from '../applications/test-fixtures';
import { COMMUNES, offerCalls, offerFields } from '../offers/test-fixtures';
import { expectProblem, freeSirets, newGestionnaire, newReferent, usePlatform } from '../test-support';

// The platform's clock, moved by the tests that need time to pass.
const START = new Date('2026-03-02T09:00:00.000Z');
let now = START;
const platform = usePlatform({ limits: { registrations: 10_000 }, clock: () => now });
const { call, addEmployer, createOffer, patchOffer, getOffer, feed } = offerCalls(platform);
const { newCandidate, createProfile, apply, postApplication, getApplication, reply, markRead } =
  candidateCalls(platform);
const nextSiret = freeSirets();

const INTERVIEW = {
  status: 'recevable',
  replyMessage: 'Bonjour, pouvez-vous venir le 12 mars ? Écrivez-nous à contact@cfa.fr.',
};
const REFUSAL = {
  status: 'refusee',
  replyMessage: 'Bonjour, le poste est pourvu. Bonne continuation.',
  refusalReason: 'offre_pourvue',
};

/** A structure (référent "Régine Référent"), two gestionnaires ("Léa Attente"), a partner employer. */
async function team() {
  const owner = await newReferent(platform, nextSiret);
  const employer = await addEmployer(owner.token, nextSiret());
  const author = await newGestionnaire(platform, owner);
  const colleague = await newGestionnaire(platform, owner);
  return { owner, employer, author, colleague };
}

/** A candidate with one profile. */
async function candidateWithProfile(overrides: Record<string, unknown> = {}) {
  const candidate = await newCandidate(overrides);
  const profile = await createProfile(candidate.token);
  return { candidate, profile };
}

/** A structure with an offer, and a candidate who applied to it: the application as staff see it. */
async function applied(options: { shared?: boolean } = {}) {
  const members = await team();
  const offer = await createOffer(
    members.author.token,
    offerFields(members.employer.id, { sharedWithStructure: options.shared ?? true }),
  );
  const { candidate, profile } = await candidateWithProfile();
  const receipt = await apply(candidate.token, { profileId: profile.id, offerId: offer.id });
  const application = await getApplication(members.author.token, receipt.id);
  return { ...members, offer, candidate, profile, receipt, application };
}

/** The entries of an entity in a feed, as "entity:version" or "-entity" for tombstones. */
function entries(changes: Change[], id: string): string[] {
  return changes
    .filter((c) => c.id === id)
    .map((c) => (c.deleted ? `-${c.entity}` : `${c.entity}:${c.version}`));
}

async function cursorOf(token: string): Promise<number> {
  return Math.max(0, ...(await feed(token)).map((c) => c.seq));
}

async function notifications(token: string) {
  const response = await call('GET', '/candidate/notifications', token);
  expect(response.statusCode).toBe(200);
  return candidateNotificationSchema.array().parse(response.json());
}

async function setOfferStatus(token: string, offer: Offer, status: 'pourvue' | 'archivee' | 'en_cours') {
  const response = await patchOffer(token, offer, { status });
  expect(response.statusCode, response.body).toBe(200);
  return offerSchema.parse(response.json());
}

describe('POST /candidate/applications', () => {
  it('numbers the application and shows staff the profile without contact details, "A traiter"', async () => {
    const { author, offer, candidate, profile, receipt, application } = await applied();
    expect(receipt).toEqual({
      id: expect.any(String),
      number: expect.any(Number),
      offerId: offer.id,
      profileId: profile.id,
      createdAt: START.toISOString(),
    });
    expect(application).toEqual({
      id: receipt.id,
      number: receipt.number,
      offerId: offer.id,
      offerNumber: offer.number,
      offerTitle: offer.title,
      employerId: offer.employerId,
      employerName: offer.employerName,
      profile: {
        id: profile.id,
        firstName: 'Inès',
        lastName: 'Duboscq',
        // Born on 2007-05-14: 18 on 2026-03-02.
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
      },
      message: 'Bonjour, votre offre m’intéresse beaucoup.',
      ...receivedState(START.toISOString()),
      updatedAt: START.toISOString(),
    });
    const body = (await call('GET', `/applications/${receipt.id}`, author.token)).body;
    for (const secret of [candidate.mail, '+33712345678', '2007-05-14']) expect(body).not.toContain(secret);
    // The offer counts it, with a new version in the feed.
    const counted = offerSchema.parse((await getOffer(author.token, offer.id)).json());
    expect(counted).toMatchObject({ applicationsCount: 1, version: 2 });
    const changes = await feed(author.token);
    expect(entries(changes, offer.id)).toEqual(['offer:2']);
    expect(entries(changes, receipt.id)).toEqual(['application:1']);
    expect(applicationSchema.parse(changes.find((c) => c.id === receipt.id)!.data)).toEqual(application);
  });

  it('numbers applications from one sequence for the whole platform', async () => {
    const first = await applied();
    const second = await applied();
    expect(second.receipt.number - first.receipt.number).toBe(1);
  });

  it('accepts one application per profile and offer: 409 already_applied the second time', async () => {
    const { offer, candidate, profile, receipt } = await applied();
    const problem = expectProblem(
      await postApplication(candidate.token, { profileId: profile.id, offerId: offer.id }),
      409,
    );
    expect(problem.code).toBe('already_applied');
    expect(problem.detail).toBe(
      `Vous avez déjà postulé à cette offre avec ce profil (candidature n° ${receipt.number}).`,
    );
    // Another project of the same candidate may apply.
    const other = await createProfile(candidate.token, { romeCode: 'G1602' });
    await apply(candidate.token, { profileId: other.id, offerId: offer.id });
    const count = await platform()
      .db.selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('offer_id', '=', offer.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('refuses an offer that is filled or archived, with 422 on offerId', async () => {
    const { owner, employer } = await team();
    const { candidate, profile } = await candidateWithProfile();
    for (const [status, detail] of [
      ['pourvue', 'Cette offre est pourvue : elle ne reçoit plus de candidatures.'],
      ['archivee', 'Cette offre est archivée : elle ne reçoit plus de candidatures.'],
    ] as const) {
      const offer = await setOfferStatus(
        owner.token,
        await createOffer(owner.token, offerFields(employer.id)),
        status,
      );
      const problem = expectProblem(
        await postApplication(candidate.token, { profileId: profile.id, offerId: offer.id }),
        422,
      );
      expect(problem).toMatchObject({ code: 'offer_closed', detail, errors: [{ field: 'offerId', detail }] });
      expect(offerSchema.parse((await getOffer(owner.token, offer.id)).json()).applicationsCount).toBe(0);
    }
  });

  it('refuses an offer past its end date (archived first)', async () => {
    const { owner, employer } = await team();
    const { candidate, profile } = await candidateWithProfile();
    const offer = await createOffer(owner.token, offerFields(employer.id));
    now = new Date(new Date(offer.archiveAt!).getTime() + 1000);
    try {
      const problem = expectProblem(
        await postApplication(candidate.token, { profileId: profile.id, offerId: offer.id }),
        422,
      );
      expect(problem.code).toBe('offer_closed');
      expect(problem.detail).toContain('archivée');
    } finally {
      now = START;
    }
  });

  it('answers 404 for someone else’s profile or an unknown offer', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, offerFields(employer.id));
    const { profile } = await candidateWithProfile();
    const intruder = await newCandidate();
    const problem = expectProblem(
      await postApplication(intruder.token, { profileId: profile.id, offerId: offer.id }),
      404,
    );
    expect(problem.code).toBe('profile_unknown');
    expect(problem.errors?.[0]?.field).toBe('profileId');
    const mine = await createProfile(intruder.token);
    const unknown = expectProblem(
      await postApplication(intruder.token, {
        profileId: mine.id,
        offerId: '00000000-0000-4000-8000-000000000000',
      }),
      404,
    );
    expect(unknown.code).toBe('offer_unknown');
    expect(unknown.errors?.[0]?.field).toBe('offerId');
  });

  it('applies once for a request retried with the same Idempotency-Key', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, offerFields(employer.id));
    const { candidate, profile } = await candidateWithProfile();
    const headers = { 'idempotency-key': 'candidature-une-fois' };
    const first = await postApplication(
      candidate.token,
      { profileId: profile.id, offerId: offer.id },
      headers,
    );
    const again = await postApplication(
      candidate.token,
      { profileId: profile.id, offerId: offer.id },
      headers,
    );
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(offerSchema.parse((await getOffer(owner.token, offer.id)).json()).applicationsCount).toBe(1);
  });

  it('keeps the OETH declaration of the profile', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, offerFields(employer.id));
    const candidate = await newCandidate();
    const profile = await createProfile(candidate.token, { oeth: true });
    const receipt = await apply(candidate.token, { profileId: profile.id, offerId: offer.id });
    expect((await getApplication(owner.token, receipt.id)).profile?.oeth).toBe(true);
  });
});

describe('GET /applications', () => {
  it('lists the applications a member may see, newest first, with filters and a total', async () => {
    const { owner, employer, author, colleague } = await team();
    const shared = await createOffer(author.token, offerFields(employer.id));
    const hidden = await createOffer(author.token, offerFields(employer.id, { sharedWithStructure: false }));
    const { candidate, profile } = await candidateWithProfile();
    const a = await apply(candidate.token, { profileId: profile.id, offerId: shared.id });
    now = new Date(START.getTime() + 60_000);
    const b = await apply(candidate.token, { profileId: profile.id, offerId: hidden.id });
    now = START;

    const list = async (token: string, query = '') => {
      const response = await call('GET', `/applications${query}`, token);
      expect(response.statusCode, response.body).toBe(200);
      return applicationsPageSchema.parse(response.json());
    };
    for (const member of [owner, author]) {
      const page = await list(member.token);
      expect(page.applications.map((x) => x.id)).toEqual([b.id, a.id]);
      expect(page).toMatchObject({ page: 1, total: 2 });
    }
    expect((await list(colleague.token)).applications.map((x) => x.id)).toEqual([a.id]);
    expect((await list(owner.token, `?offerId=${hidden.id}`)).applications.map((x) => x.id)).toEqual([b.id]);
    expect((await list(owner.token, '?status=recevable')).total).toBe(0);
    expect((await list(owner.token, '?status=a_traiter')).total).toBe(2);
    expect((await list(owner.token, '?page=2')).applications).toEqual([]);
    expect(expectProblem(await call('GET', '/applications?status=ouverte', owner.token), 400).code).toBe(
      'validation',
    );

    // Another structure sees none of them.
    const stranger = await newReferent(platform, nextSiret);
    expect((await list(stranger.token)).total).toBe(0);
    expect(expectProblem(await call('GET', `/applications/${a.id}`, stranger.token), 404).code).toBe(
      'application_unknown',
    );
  });

  it('hides the applications to an unshared offer from the other gestionnaires (404), to read or answer', async () => {
    const { owner, colleague, application } = await applied({ shared: false });
    expect(
      expectProblem(await call('GET', `/applications/${application.id}`, colleague.token), 404).code,
    ).toBe('application_unknown');
    expect(expectProblem(await reply(colleague.token, application, INTERVIEW), 404).code).toBe(
      'application_unknown',
    );
    expect(expectProblem(await markRead(colleague.token, application, START.toISOString()), 404).code).toBe(
      'application_unknown',
    );
    const response = await call('GET', `/applications/${application.id}`, owner.token);
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
  });
});

describe('POST /applications/{id}/reply', () => {
  it('answers "entretien": Recevable, the reply recorded, and the candidate notified', async () => {
    const { author, owner, candidate, application, offer } = await applied();
    now = new Date(START.getTime() + 3_600_000);
    const at = now.toISOString();
    const response = await reply(author.token, application, INTERVIEW);
    now = START;
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const answered = applicationSchema.parse(response.json());
    expect(answered).toMatchObject({
      status: 'recevable',
      replyMessage: INTERVIEW.replyMessage,
      repliedAt: at,
      repliedBy: 'Léa Attente',
      readAt: at,
      readBy: 'Léa Attente',
      version: 2,
      updatedAt: at,
    });
    expect(answered.history.at(-1)).toEqual({ kind: 'repondue', at, by: 'Léa Attente', detail: 'Recevable' });
    expect(await getApplication(owner.token, application.id)).toEqual(answered);
    expect(entries(await feed(owner.token), application.id)).toEqual(['application:2']);

    const structure = (await call('GET', '/structure', owner.token)).json();
    expect(await notifications(candidate.token)).toEqual([
      {
        id: expect.any(String),
        kind: 'entretien',
        applicationId: application.id,
        applicationNumber: application.number,
        profileId: null,
        offerNumber: offer.number,
        offerTitle: offer.title,
        structureName: structure.tradeName ?? structure.legalName,
        message: INTERVIEW.replyMessage,
        refusalReason: null,
        createdAt: at,
      },
    ]);

    // After the interview, a refusal is still possible; then nothing more.
    now = new Date(START.getTime() + 7_200_000);
    const refused = await reply(owner.token, answered, REFUSAL);
    now = START;
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({
      status: 'refusee',
      refusalReason: 'offre_pourvue',
      refusalDetail: null,
      repliedBy: 'Régine Référent',
      readBy: 'Léa Attente',
      version: 3,
    });
    expect(refused.json().history.at(-1)).toMatchObject({ detail: 'Refusée : Offre déjà pourvue' });
    // The candidate reads the reason with the message.
    expect((await notifications(candidate.token)).map((n) => [n.kind, n.refusalReason])).toEqual([
      ['refus', 'Offre déjà pourvue'],
      ['entretien', null],
    ]);
    const closed = expectProblem(await reply(owner.token, refused.json(), INTERVIEW), 409);
    expect(closed).toMatchObject({
      code: 'application_closed',
      detail: 'Cette candidature a déjà été refusée.',
    });
  });

  it.each([
    ['without a decision', { replyMessage: 'Bonjour' }, ['status']],
    ['without a message', { status: 'refusee', refusalReason: 'offre_pourvue' }, ['replyMessage']],
    [
      'with a blank message',
      { status: 'refusee', replyMessage: '   ', refusalReason: 'offre_pourvue' },
      ['replyMessage'],
    ],
    ['refusing without a reason', { status: 'refusee', replyMessage: 'Bonjour' }, ['refusalReason']],
    [
      'refusing for "autre" without saying what',
      { status: 'refusee', replyMessage: 'Bonjour', refusalReason: 'autre', refusalDetail: '  ' },
      ['refusalDetail'],
    ],
    [
      'with an unknown reason',
      { status: 'refusee', replyMessage: 'Bonjour', refusalReason: 'humeur' },
      ['refusalReason'],
    ],
    [
      'with a reason longer than 200 characters',
      { status: 'refusee', replyMessage: 'Bonjour', refusalReason: 'autre', refusalDetail: 'x'.repeat(201) },
      ['refusalDetail'],
    ],
    [
      'with a reason for an interview',
      { status: 'recevable', replyMessage: 'Bonjour', refusalReason: 'offre_pourvue' },
      ['refusalReason'],
    ],
    ['with neither', {}, ['status', 'replyMessage']],
    ['with another decision', { status: 'abandonnee', replyMessage: 'Bonjour' }, ['status']],
  ])('refuses a reply %s, naming the fields, and changes nothing', async (_why, body, fields) => {
    const { author, application, candidate } = await applied();
    const problem = expectProblem(await reply(author.token, application, body), 400);
    expect(problem.code).toBe('validation');
    expect(problem.errors?.map((e) => e.field).sort()).toEqual([...fields].sort());
    expect(await getApplication(author.token, application.id)).toEqual(application);
    expect(await notifications(candidate.token)).toEqual([]);
  });

  it('refuses a stale If-Match with 412 and the current application; requires If-Match', async () => {
    const { author, owner, application } = await applied();
    const read = await markRead(owner.token, application, START.toISOString());
    expect(read.statusCode).toBe(200);
    const stale = expectProblem(await reply(author.token, application, INTERVIEW), 412);
    expect(stale.code).toBe('version_mismatch');
    expect(stale.current).toEqual(read.json());
    const missing = await call('POST', `/applications/${application.id}/reply`, author.token, INTERVIEW);
    expect(expectProblem(missing, 428).code).toBe('if_match_required');
    expect((await getApplication(author.token, application.id)).status).toBe('a_traiter');
  });

  it('applies a reply retried with the same Idempotency-Key once', async () => {
    const { author, application, candidate } = await applied();
    const headers = { 'idempotency-key': 'reponse-une-fois' };
    const first = await reply(author.token, application, INTERVIEW, headers);
    const again = await reply(author.token, application, INTERVIEW, headers);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect((await getApplication(author.token, application.id)).version).toBe(2);
    expect(await notifications(candidate.token)).toHaveLength(1);
  });
});

describe('PATCH /applications/{id}', () => {
  it('records the first reading, once', async () => {
    const { author, owner, application } = await applied();
    now = new Date(START.getTime() + 3_600_000);
    const readAt = new Date(START.getTime() + 600_000).toISOString();
    const response = await markRead(author.token, application, readAt);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const read = applicationSchema.parse(response.json());
    expect(read).toMatchObject({ readAt, readBy: 'Léa Attente', status: 'a_traiter', version: 2 });
    expect(read.history.at(-1)).toEqual({ kind: 'lue', at: readAt, by: 'Léa Attente', detail: null });

    // Read again by someone else, from a stale version: nothing changes.
    const again = await markRead(owner.token, application, now.toISOString());
    now = START;
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(read);
    expect(entries(await feed(owner.token), application.id)).toEqual(['application:2']);
  });

  it('never records a reading later than now nor earlier than the arrival', async () => {
    const first = await applied();
    const future = await markRead(first.author.token, first.application, '2030-01-01T00:00:00.000Z');
    expect(future.json().readAt).toBe(START.toISOString());
    const second = await applied();
    const past = await markRead(second.author.token, second.application, '2020-01-01T00:00:00+02:00');
    expect(past.json().readAt).toBe(START.toISOString());
  });

  it('refuses a readAt that is no date-time', async () => {
    const { author, application } = await applied();
    const problem = expectProblem(await markRead(author.token, application, 'hier'), 400);
    expect(problem.errors?.[0]?.field).toBe('readAt');
  });
});

describe('a candidate who withdraws', () => {
  /** The application's entry in the member's feed. */
  async function feedEntry(token: string, id: string): Promise<Application> {
    const entry = (await feed(token)).find((c) => c.id === id && !c.deleted);
    return applicationSchema.parse(entry?.data);
  }

  it('deleting a profile abandons its applications and removes the candidate from them', async () => {
    const { author, owner, candidate, profile, application } = await applied();
    const replied = applicationSchema.parse((await reply(author.token, application, INTERVIEW)).json());
    now = new Date(START.getTime() + 86_400_000);
    const at = now.toISOString();
    expect((await call('DELETE', `/candidate/profiles/${profile.id}`, candidate.token)).statusCode).toBe(204);
    now = START;

    const abandoned = await getApplication(owner.token, application.id);
    expect(abandoned).toMatchObject({
      status: 'abandonnee',
      abandonReason: 'Le candidat a supprimé ce profil.',
      profile: null,
      message: null,
      replyMessage: INTERVIEW.replyMessage,
      version: replied.version + 1,
      updatedAt: at,
    });
    expect(abandoned.history.at(-1)).toEqual({
      kind: 'abandonnee',
      at,
      by: null,
      detail: 'Le candidat a supprimé ce profil.',
    });
    const stored = await platform()
      .db.selectFrom('applications')
      .selectAll()
      .where('id', '=', application.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ applicant_name: null, oeth: 0, profile_id: null, candidate_id: null });
    expect(await feedEntry(owner.token, application.id)).toEqual(abandoned);
    const logged = await platform()
      .db.selectFrom('sync_log')
      .select('data')
      .where('entity_id', '=', application.id)
      .execute();
    for (const { data } of logged) expect(data).not.toContain('Duboscq');

    // A reply sent meanwhile from an offline desktop, on the version it had: a clear refusal.
    const problem = expectProblem(await reply(author.token, replied, REFUSAL), 409);
    expect(problem).toMatchObject({
      code: 'application_abandoned',
      detail:
        'Cette candidature a été abandonnée (le candidat a supprimé ce profil) : votre réponse n’a pas été envoyée.',
    });
    expect(problem.current).toBeUndefined();
  });

  it('closing the account abandons every application, already abandoned ones anonymised too', async () => {
    const { owner, employer, author } = await team();
    const offers = [
      await createOffer(author.token, offerFields(employer.id)),
      await createOffer(author.token, offerFields(employer.id)),
    ];
    const { candidate, profile } = await candidateWithProfile();
    const [first, second] = [
      await apply(candidate.token, { profileId: profile.id, offerId: offers[0]!.id }),
      await apply(candidate.token, { profileId: profile.id, offerId: offers[1]!.id }),
    ];
    const answered = await reply(owner.token, await getApplication(owner.token, first!.id), INTERVIEW);
    expect(answered.statusCode).toBe(200);
    expect(await notifications(candidate.token)).toHaveLength(1);
    // Abandoned earlier (as the demo seed makes them), still linked to the candidate.
    await platform()
      .db.updateTable('applications')
      .set({ status: 'abandonnee', abandon_reason: 'Le candidat a trouvé un contrat.' })
      .where('id', '=', second!.id)
      .execute();

    expect((await call('DELETE', '/candidate/account', candidate.token)).statusCode).toBe(204);
    const a = await getApplication(owner.token, first!.id);
    const b = await getApplication(owner.token, second!.id);
    expect(a).toMatchObject({
      status: 'abandonnee',
      abandonReason: 'Le candidat a fermé son compte.',
      profile: null,
    });
    expect(b).toMatchObject({
      status: 'abandonnee',
      abandonReason: 'Le candidat a trouvé un contrat.',
      profile: null,
    });
    expect(b.history.map((e) => e.kind)).toEqual(['recue']);
    expect(b.message).toBeNull();
    expect(await feedEntry(owner.token, b.id)).toEqual(b);
    for (const table of ['candidate_notifications', 'candidate_profiles'] as const) {
      const left = await platform()
        .db.selectFrom(table)
        .select('id')
        .where('candidate_id', '=', candidate.id)
        .execute();
      expect(left, table).toEqual([]);
    }
  });
});

describe('applications in the feed', () => {
  it('travel as "private_application" for an unshared offer, and move with its sharing', async () => {
    const { owner, author, colleague, offer, application } = await applied({ shared: false });
    expect(entries(await feed(author.token), application.id)).toEqual(['private_application:1']);
    expect(entries(await feed(owner.token), application.id)).toEqual(['private_application:1']);
    expect(entries(await feed(colleague.token), application.id)).toEqual([]);

    const cursors = { owner: await cursorOf(owner.token), colleague: await cursorOf(colleague.token) };
    const current = offerSchema.parse((await getOffer(author.token, offer.id)).json());
    await patchOffer(author.token, current, { sharedWithStructure: true });
    const seen = await feed(owner.token, cursors.owner);
    expect(entries(seen, application.id)).toEqual(['-private_application', 'application:1']);
    // The offer first, then its applications.
    expect(seen.findIndex((c) => c.id === offer.id && !c.deleted)).toBeLessThan(
      seen.findIndex((c) => c.id === application.id && !c.deleted),
    );
    expect(entries(await feed(colleague.token, cursors.colleague), application.id)).toEqual([
      'application:1',
    ]);

    const shared = offerSchema.parse((await getOffer(author.token, offer.id)).json());
    await patchOffer(author.token, shared, { sharedWithStructure: false });
    expect(entries(await feed(colleague.token), application.id)).toEqual(['-application']);
    expect(entries(await feed(author.token), application.id)).toEqual([
      '-application',
      'private_application:1',
    ]);
  });

  it('reach the new référent’s desktop after a transfer of rights', async () => {
    const { owner, colleague, application, offer } = await applied({ shared: false });
    const cursor = await cursorOf(colleague.token);
    expect(
      (await call('POST', '/structure/transfer', owner.token, { userId: colleague.id })).statusCode,
    ).toBe(200);
    const received = await feed(colleague.token, cursor);
    expect(entries(received, offer.id)).toEqual(['private_offer:2']);
    expect(entries(received, application.id)).toEqual(['private_application:1']);
    expect(received.findIndex((c) => c.id === offer.id)).toBeLessThan(
      received.findIndex((c) => c.id === application.id),
    );
    expect((await call('GET', `/applications/${application.id}`, colleague.token)).statusCode).toBe(200);
  });
});

describe('GET /offers/public?number=', () => {
  it('finds one offer by its N° d’offre', async () => {
    const { owner, employer } = await team();
    const offer = await createOffer(owner.token, offerFields(employer.id));
    await createOffer(owner.token, offerFields(employer.id));
    const response = await call('GET', `/offers/public?number=${offer.number}`, owner.token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 1, offers: [{ id: offer.id, number: offer.number }] });
    const problem = expectProblem(await call('GET', '/offers/public?number=abc', owner.token), 400);
    expect(problem.errors?.[0]?.field).toBe('number');
  });
});
