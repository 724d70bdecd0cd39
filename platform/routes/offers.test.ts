import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changesPageSchema, type Change } from '../../shared/api/sync';
import { offerSchema, type Offer } from '../../shared/domain/offers';
import { addMonths } from '../offers/lifetime';
import { COMMUNES, offerCalls, offerFields } from '../offers/test-fixtures';
import { DIRECTORY_CLOSED_SIRET } from '../seed/demo-offers';
import { generateDirectory } from '../seed/directory';
import {
  expectProblem,
  freeSirets,
  newGestionnaire,
  newPendingMember,
  newReferent,
  newSignedInAccount,
  usePlatform,
  type TestMember,
} from '../test-support';

// The platform's clock, moved by the tests that need time to pass.
let now = new Date('2026-03-02T09:00:00.000Z');
const platform = usePlatform({ limits: { registrations: 10_000 }, clock: () => now });
const { call, addEmployer, postOffer, createOffer, patchOffer, getOffer, listOffers, feed } =
  offerCalls(platform);
const nextSiret = freeSirets();

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A structure with its référent and an accepted partner employer. */
async function structureWithEmployer() {
  const owner = await newReferent(platform, nextSiret);
  const employer = await addEmployer(owner.token, nextSiret());
  expect(employer.status).toBe('acceptee');
  return { owner, employer };
}

async function cursorOf(token: string): Promise<number> {
  const response = await call('GET', '/sync/changes?since=0&limit=5000', token);
  return changesPageSchema.parse(response.json()).cursor;
}

/** The offer entries of a feed, as "entity:id:version" or "-entity:id" for tombstones. */
function offerEntries(changes: Change[], offerId: string): string[] {
  return changes
    .filter((c) => c.id === offerId)
    .map((c) => (c.deleted ? `-${c.entity}` : `${c.entity}:${c.version}`));
}

describe('POST /offers', () => {
  it('publishes the offer "En cours" with its number, dates and what it names', async () => {
    const { owner, employer } = await structureWithEmployer();
    const id = randomUUID();
    const response = await postOffer(
      owner.token,
      offerFields(employer.id, { diplomaIds: ['cap-patissier', 'mc-patisserie-specialisee'] }),
      id,
    );
    expect(response.statusCode).toBe(201);
    const offer = offerSchema.parse(response.json());
    expect(offer).toMatchObject({
      id,
      employerId: employer.id,
      employerName: employer.tradeName ?? employer.legalName,
      romeCode: 'D1104',
      romeLabel: 'Pâtissier / Pâtissière',
      romeVersion: '4.0',
      diplomaIds: ['cap-patissier', 'mc-patisserie-specialisee'],
      communeCode: COMMUNES.bordeaux,
      communeName: 'Bordeaux',
      status: 'en_cours',
      createdBy: owner.id,
      createdAt: now.toISOString(),
      publishedAt: now.toISOString(),
      archiveAt: '2026-09-02T09:00:00.000Z',
      applicationsCount: 0,
      version: 1,
    });
    expect(offer.number).toBeGreaterThan(0);
    expect(response.headers.etag).toBe('"1"');
    expect((await getOffer(owner.token, id)).json()).toEqual(offer);
  });

  it('names the employer by its trade name, else by its legal name', async () => {
    const owner = await newReferent(platform, nextSiret);
    const directory = generateDirectory().filter((e) => e.active);
    const withTradeName = directory.filter((e) => e.tradeName).at(-1)!;
    const without = directory.filter((e) => !e.tradeName).at(-1)!;
    const a = await addEmployer(owner.token, withTradeName.siret);
    const b = await addEmployer(owner.token, without.siret);
    expect((await createOffer(owner.token, offerFields(a.id))).employerName).toBe(withTradeName.tradeName);
    expect((await createOffer(owner.token, offerFields(b.id))).employerName).toBe(without.legalName);
  });

  it('numbers offers from one sequence for the whole platform', async () => {
    const first = await structureWithEmployer();
    const second = await structureWithEmployer();
    const a = await createOffer(first.owner.token, offerFields(first.employer.id));
    const b = await createOffer(second.owner.token, offerFields(second.employer.id));
    const c = await createOffer(first.owner.token, offerFields(first.employer.id));
    expect([b.number! - a.number!, c.number! - b.number!]).toEqual([1, 1]);
    const { max } = await platform()
      .db.selectFrom('offers')
      .select((eb) => eb.fn.max('number').as('max'))
      .executeTakeFirstOrThrow();
    expect(max).toBe(c.number);
  });

  it('answers 422 on employerId unless the employer is an accepted partner of the structure', async () => {
    const { owner, employer } = await structureWithEmployer();
    const refused = await addEmployer(owner.token, DIRECTORY_CLOSED_SIRET);
    expect(refused.status).toBe('refusee');
    const elsewhere = await structureWithEmployer();
    const cases = {
      refused: refused.id,
      // Not sent yet by the desktop ("En attente"), or never: the platform does not know it.
      unknown: UNKNOWN_ID,
      'of another structure': elsewhere.employer.id,
    };
    for (const [what, employerId] of Object.entries(cases)) {
      const problem = expectProblem(await postOffer(owner.token, offerFields(employerId)), 422);
      expect(problem.code, what).toBe('employer_not_partner');
      expect(problem.errors, what).toEqual([
        { field: 'employerId', detail: "L'employeur doit être un partenaire accepté de votre structure." },
      ]);
    }
    expect(await listOffers(owner.token)).toEqual([]);
    expect((await postOffer(owner.token, offerFields(employer.id))).statusCode).toBe(201);
  });

  it('answers 422 on the field for an unknown métier, diploma or commune, naming them all at once', async () => {
    const { owner, employer } = await structureWithEmployer();
    const cases = [
      [{ romeCode: 'N9999' }, 'romeCode', 'rome_unknown'],
      [{ diplomaIds: ['cap-patissier', 'cap-inconnu'] }, 'diplomaIds', 'diploma_unknown'],
      // Paris: a valid INSEE code, not a commune of Nouvelle-Aquitaine.
      [{ communeCode: '75056' }, 'communeCode', 'commune_unknown'],
    ] as const;
    for (const [override, field, code] of cases) {
      const problem = expectProblem(
        await postOffer(owner.token, offerFields(employer.id, override as never)),
        422,
      );
      expect(problem.code).toBe(code);
      expect(problem.errors?.map((e) => e.field)).toEqual([field]);
      expect(problem.detail).toMatch(/[a-zé]/);
    }
    const unknownDiploma = expectProblem(
      await postOffer(owner.token, offerFields(employer.id, { diplomaIds: ['cap-inconnu'] })),
      422,
    );
    expect(unknownDiploma.detail).toContain('« cap-inconnu »');

    const all = expectProblem(
      await postOffer(
        owner.token,
        offerFields(UNKNOWN_ID, { romeCode: 'N9999', diplomaIds: ['x'], communeCode: '75056' }),
      ),
      422,
    );
    expect(all.errors?.map((e) => e.field)).toEqual(['employerId', 'romeCode', 'diplomaIds', 'communeCode']);
    expect(await listOffers(owner.token)).toEqual([]);
  });

  it('answers 400 naming the field for an empty diploma list, a bad duration, number of positions or contract type', async () => {
    const { owner, employer } = await structureWithEmployer();
    const cases = [
      [{ diplomaIds: [] }, 'diplomaIds'],
      [{ durationMonths: 0 }, 'durationMonths'],
      [{ durationMonths: -6 }, 'durationMonths'],
      [{ durationMonths: 1.5 }, 'durationMonths'],
      [{ positions: 0 }, 'positions'],
      [{ positions: -1 }, 'positions'],
      [{ contractType: 'cdi' }, 'contractType'],
      [{ startDate: '01/09/2026' }, 'startDate'],
      [{ title: ' ' }, 'title'],
    ] as const;
    for (const [override, field] of cases) {
      const problem = expectProblem(
        await postOffer(owner.token, offerFields(employer.id, override as never)),
        400,
      );
      expect(
        problem.errors?.map((e) => e.field),
        JSON.stringify(override),
      ).toEqual([field]);
    }
    expect(await listOffers(owner.token)).toEqual([]);
  });

  it('answers a retried request with the same offer and number, and 409 to an id already used', async () => {
    const { owner, employer } = await structureWithEmployer();
    const id = randomUUID();
    const headers = { 'idempotency-key': `offer-${id}` };
    const first = await postOffer(owner.token, offerFields(employer.id), id, headers);
    const second = await postOffer(owner.token, offerFields(employer.id), id, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(await listOffers(owner.token)).toHaveLength(1);

    const problem = expectProblem(await postOffer(owner.token, offerFields(employer.id), id), 409);
    expect(problem.code).toBe('id_taken');
    expect(problem.errors?.map((e) => e.field)).toEqual(['id']);
  });

  it('refuses a pending collaborator (403) and an account without a structure (404)', async () => {
    const { owner, employer } = await structureWithEmployer();
    const pending = await newPendingMember(platform, owner.siret);
    expect(expectProblem(await postOffer(pending.token, offerFields(employer.id)), 403).code).toBe(
      'membership_pending',
    );
    expect(expectProblem(await call('GET', '/offers', pending.token), 403).code).toBe('membership_pending');
    const { token } = await newSignedInAccount(platform());
    expect(expectProblem(await postOffer(token, offerFields(employer.id)), 404).code).toBe('no_structure');
  });
});

describe('PATCH /offers/{id}', () => {
  it('changes the offer under If-Match, re-checking and copying what it names', async () => {
    const { owner, employer } = await structureWithEmployer();
    const offer = await createOffer(owner.token, offerFields(employer.id));
    expect(
      expectProblem(await call('PATCH', `/offers/${offer.id}`, owner.token, { title: 'X' }), 428).code,
    ).toBe('if_match_required');
    const response = await patchOffer(owner.token, offer, {
      title: 'Apprenti(e) boulanger(ère)',
      romeCode: 'D1102',
      diplomaIds: ['cap-boulanger'],
      communeCode: COMMUNES.pessac,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(offerSchema.parse(response.json())).toEqual({
      ...offer,
      title: 'Apprenti(e) boulanger(ère)',
      romeCode: 'D1102',
      romeLabel: 'Boulanger / Boulangère',
      diplomaIds: ['cap-boulanger'],
      communeCode: COMMUNES.pessac,
      communeName: 'Pessac',
      version: 2,
      updatedAt: now.toISOString(),
    });

    const stale = expectProblem(await patchOffer(owner.token, offer, { positions: 3 }), 412);
    expect(offerSchema.parse(stale.current)).toMatchObject({
      version: 2,
      title: 'Apprenti(e) boulanger(ère)',
    });
  });

  it('refuses with 422 a patch naming an unknown métier or a refused employer, and changes nothing', async () => {
    const { owner, employer } = await structureWithEmployer();
    const refused = await addEmployer(owner.token, DIRECTORY_CLOSED_SIRET);
    const offer = await createOffer(owner.token, offerFields(employer.id));
    expect(expectProblem(await patchOffer(owner.token, offer, { romeCode: 'N9999' }), 422).errors).toEqual([
      { field: 'romeCode', detail: expect.stringContaining('ROME 4.0') },
    ]);
    expect(
      expectProblem(await patchOffer(owner.token, offer, { employerId: refused.id }), 422).errors?.[0]?.field,
    ).toBe('employerId');
    expect(
      expectProblem(await patchOffer(owner.token, offer, { diplomaIds: [] }), 400).errors?.[0]?.field,
    ).toBe('diplomaIds');
    expect((await getOffer(owner.token, offer.id)).json()).toEqual(offer);
  });

  it('closes ("pourvue"), takes offline ("archivee") and republishes ("en_cours") with new dates', async () => {
    const { owner, employer } = await structureWithEmployer();
    const offer = await createOffer(owner.token, offerFields(employer.id));
    const filled = offerSchema.parse((await patchOffer(owner.token, offer, { status: 'pourvue' })).json());
    expect(filled).toMatchObject({ status: 'pourvue', version: 2, publishedAt: offer.publishedAt });
    const archived = offerSchema.parse(
      (await patchOffer(owner.token, filled, { status: 'archivee' })).json(),
    );
    expect(archived).toMatchObject({ status: 'archivee', version: 3 });

    const before = now;
    now = new Date('2026-04-15T10:30:00.000Z');
    try {
      const republished = offerSchema.parse(
        (await patchOffer(owner.token, archived, { status: 'en_cours' })).json(),
      );
      expect(republished).toMatchObject({
        status: 'en_cours',
        version: 4,
        number: offer.number,
        publishedAt: '2026-04-15T10:30:00.000Z',
        archiveAt: '2026-10-15T10:30:00.000Z',
      });
      // Still "En cours": no new publication.
      const unchanged = offerSchema.parse(
        (await patchOffer(owner.token, republished, { status: 'en_cours' })).json(),
      );
      expect(unchanged.publishedAt).toBe(republished.publishedAt);
      expect(
        expectProblem(await patchOffer(owner.token, unchanged, { status: 'brouillon' }), 400).errors?.[0]
          ?.field,
      ).toBe('status');
    } finally {
      now = before;
    }
  });
});

describe('POST /offers/{id}/duplicate', () => {
  it('creates a new offer "En cours" with a new number, leaving the original as it was', async () => {
    const { owner, employer } = await structureWithEmployer();
    const original = await createOffer(owner.token, offerFields(employer.id, { franceTravail: true }));
    const filled = offerSchema.parse((await patchOffer(owner.token, original, { status: 'pourvue' })).json());
    const response = await call('POST', `/offers/${original.id}/duplicate`, owner.token);
    expect(response.statusCode).toBe(201);
    const copy = offerSchema.parse(response.json());
    expect(copy.id).not.toBe(original.id);
    expect(copy.number).toBeGreaterThan(original.number!);
    expect(copy).toMatchObject({
      title: original.title,
      employerId: original.employerId,
      diplomaIds: original.diplomaIds,
      franceTravail: true,
      status: 'en_cours',
      version: 1,
      createdBy: owner.id,
    });
    expect((await getOffer(owner.token, original.id)).json()).toEqual(filled);
  });

  it('takes the copy’s id from the body, and answers a retry with the same copy', async () => {
    const { owner, employer } = await structureWithEmployer();
    const original = await createOffer(owner.token, offerFields(employer.id));
    const id = randomUUID();
    const headers = { 'idempotency-key': `duplicate-${id}` };
    const first = await call('POST', `/offers/${original.id}/duplicate`, owner.token, { id }, headers);
    const second = await call('POST', `/offers/${original.id}/duplicate`, owner.token, { id }, headers);
    expect(first.statusCode).toBe(201);
    expect(first.json().id).toBe(id);
    expect(second.json()).toEqual(first.json());
    expect(await listOffers(owner.token)).toHaveLength(2);
    expect(
      expectProblem(await call('POST', `/offers/${original.id}/duplicate`, owner.token, { id }), 409).code,
    ).toBe('id_taken');
    expect(expectProblem(await call('POST', `/offers/${UNKNOWN_ID}/duplicate`, owner.token), 404).code).toBe(
      'offer_unknown',
    );
  });
});

describe('offers not shared with the structure', () => {
  async function team() {
    const { owner, employer } = await structureWithEmployer();
    const author = await newGestionnaire(platform, owner);
    const colleague = await newGestionnaire(platform, owner);
    return { owner, employer, author, colleague };
  }

  it('are seen and managed by their author and the référent only', async () => {
    const { owner, employer, author, colleague } = await team();
    const hidden = await createOffer(author.token, offerFields(employer.id, { sharedWithStructure: false }));
    const shared = await createOffer(author.token, offerFields(employer.id));

    expect((await listOffers(author.token)).map((o) => o.id).sort()).toEqual([hidden.id, shared.id].sort());
    expect((await listOffers(owner.token)).map((o) => o.id).sort()).toEqual([hidden.id, shared.id].sort());
    expect((await listOffers(colleague.token)).map((o) => o.id)).toEqual([shared.id]);

    expect(expectProblem(await getOffer(colleague.token, hidden.id), 404).code).toBe('offer_unknown');
    expect(expectProblem(await patchOffer(colleague.token, hidden, { positions: 2 }), 403).code).toBe(
      'offer_private',
    );
    expect(
      expectProblem(await call('POST', `/offers/${hidden.id}/duplicate`, colleague.token), 403).code,
    ).toBe('offer_private');
    expect((await getOffer(owner.token, hidden.id)).statusCode).toBe(200);
    const changed = await patchOffer(owner.token, hidden, { positions: 2 });
    expect(changed.statusCode).toBe(200);
    expect((await call('POST', `/offers/${hidden.id}/duplicate`, author.token)).statusCode).toBe(201);

    // Shared by the référent, the offer is everybody's.
    const opened = await patchOffer(owner.token, offerSchema.parse(changed.json()), {
      sharedWithStructure: true,
    });
    expect(opened.statusCode).toBe(200);
    expect((await getOffer(colleague.token, hidden.id)).statusCode).toBe(200);
  });

  it('travel as "private_offer", to their author and the référent only', async () => {
    const { owner, employer, author, colleague } = await team();
    const hidden = await createOffer(author.token, offerFields(employer.id, { sharedWithStructure: false }));
    expect(offerEntries(await feed(author.token), hidden.id)).toEqual(['private_offer:1']);
    expect(offerEntries(await feed(owner.token), hidden.id)).toEqual(['private_offer:1']);
    expect(offerEntries(await feed(colleague.token), hidden.id)).toEqual([]);
    const entry = (await feed(owner.token)).find((c) => c.id === hidden.id)!;
    expect(offerSchema.parse(entry.data)).toEqual(hidden);
  });

  it('move between "offer" and "private_offer" with a tombstone first, in one transaction', async () => {
    const { owner, employer, author, colleague } = await team();
    const offer = await createOffer(author.token, offerFields(employer.id));
    const cursors = {
      author: await cursorOf(author.token),
      owner: await cursorOf(owner.token),
      colleague: await cursorOf(colleague.token),
    };
    const hidden = offerSchema.parse(
      (await patchOffer(author.token, offer, { sharedWithStructure: false })).json(),
    );
    expect(offerEntries(await feed(author.token, cursors.author), offer.id)).toEqual([
      '-offer',
      'private_offer:2',
    ]);
    expect(offerEntries(await feed(owner.token, cursors.owner), offer.id)).toEqual([
      '-offer',
      'private_offer:2',
    ]);
    expect(offerEntries(await feed(colleague.token, cursors.colleague), offer.id)).toEqual(['-offer']);
    const rows = await platform()
      .db.selectFrom('sync_log')
      .select(['entity', 'seq', 'deleted', 'owner_user_id', 'referent_too'])
      .where('entity_id', '=', offer.id)
      .orderBy('seq')
      .execute();
    expect(rows.map(({ seq: _seq, ...row }) => row)).toEqual([
      { entity: 'offer', deleted: 1, owner_user_id: null, referent_too: 0 },
      { entity: 'private_offer', deleted: 0, owner_user_id: author.id, referent_too: 1 },
    ]);
    expect(rows[1]!.seq).toBe(rows[0]!.seq + 1);

    const cursor = await cursorOf(colleague.token);
    const ownerCursor = await cursorOf(owner.token);
    await patchOffer(author.token, hidden, { sharedWithStructure: true });
    expect(offerEntries(await feed(owner.token, ownerCursor), offer.id)).toEqual([
      '-private_offer',
      'offer:3',
    ]);
    expect(offerEntries(await feed(colleague.token, cursor), offer.id)).toEqual(['offer:3']);
    // From zero, a desktop gets each entity once: the live one and the other's tombstone.
    expect(offerEntries(await feed(colleague.token), offer.id)).toEqual(['offer:3']);
    expect(offerEntries(await feed(owner.token), offer.id)).toEqual(['-private_offer', 'offer:3']);
  });

  it('reach the new référent’s desktop after a transfer of rights, at its next pull', async () => {
    const { owner, employer, author, colleague } = await team();
    const byAuthor = await createOffer(
      author.token,
      offerFields(employer.id, { sharedWithStructure: false }),
    );
    const byOwner = await createOffer(owner.token, offerFields(employer.id, { sharedWithStructure: false }));
    const shared = await createOffer(author.token, offerFields(employer.id));
    const cursor = await cursorOf(colleague.token);
    const ownerCursor = await cursorOf(owner.token);

    expect(
      (await call('POST', '/structure/transfer', owner.token, { userId: colleague.id })).statusCode,
    ).toBe(200);

    const received = await feed(colleague.token, cursor);
    const privateEntries = received.filter((c) => c.entity === 'private_offer').map((c) => c.id);
    expect(privateEntries.sort()).toEqual([byAuthor.id, byOwner.id].sort());
    expect(received.some((c) => c.id === shared.id)).toBe(false);
    for (const change of received.filter((c) => c.entity === 'private_offer')) {
      expect(change.deleted).toBe(false);
      expect(offerSchema.parse(change.data).version).toBe(change.version);
    }
    expect((await getOffer(colleague.token, byAuthor.id)).statusCode).toBe(200);

    // The former référent keeps their own unshared offer and loses sight of the others'.
    const former = await feed(owner.token, ownerCursor);
    expect(former.filter((c) => c.entity === 'private_offer').map((c) => c.id)).toEqual([byOwner.id]);
    const fromZero = await feed(owner.token);
    expect(fromZero.some((c) => c.id === byAuthor.id)).toBe(false);
    expect(expectProblem(await getOffer(owner.token, byAuthor.id), 404).code).toBe('offer_unknown');
  });
});

describe('automatic archiving', () => {
  async function expiredOffer(member: TestMember, employerId: string): Promise<Offer> {
    const offer = await createOffer(member.token, offerFields(employerId));
    expect(offer.archiveAt).toBe(addMonths(now, 6).toISOString());
    return offer;
  }

  /** Runs `check` at the moment the offer's end date has passed. */
  async function after(offer: Offer, check: () => Promise<void>): Promise<void> {
    const before = now;
    now = new Date(new Date(offer.archiveAt!).getTime() + 1000);
    try {
      await check();
    } finally {
      now = before;
    }
  }

  it('archives offers past their end date before GET /offers answers, with a new version in the feed', async () => {
    const { owner, employer } = await structureWithEmployer();
    const offer = await expiredOffer(owner, employer.id);
    const live = await createOffer(owner.token, offerFields(employer.id));
    // One second before its end date, it is still online.
    now = new Date(new Date(offer.archiveAt!).getTime() - 1000);
    try {
      expect((await listOffers(owner.token)).every((o) => o.status === 'en_cours')).toBe(true);
    } finally {
      now = new Date('2026-03-02T09:00:00.000Z');
    }
    await after(offer, async () => {
      const listed = await listOffers(owner.token);
      expect(listed.find((o) => o.id === offer.id)).toMatchObject({ status: 'archivee', version: 2 });
      expect(listed.find((o) => o.id === live.id)).toMatchObject({ status: 'archivee', version: 2 });
      expect(offerEntries(await feed(owner.token), offer.id)).toEqual(['offer:2']);
    });
  });

  it('archives them before GET /sync/changes and GET /offers/public answer', async () => {
    const { owner, employer } = await structureWithEmployer();
    const offer = await expiredOffer(owner, employer.id);
    await after(offer, async () => {
      const entry = (await feed(owner.token)).find((c) => c.id === offer.id)!;
      expect(offerSchema.parse(entry.data)).toMatchObject({ status: 'archivee', version: 2 });
    });

    const other = await structureWithEmployer();
    const unique = await createOffer(
      other.owner.token,
      offerFields(other.employer.id, { title: 'Offre Zanzibar à archiver' }),
    );
    const search = () => call('GET', '/offers/public?q=zanzibar', other.owner.token);
    expect((await search()).json().total).toBe(1);
    await after(unique, async () => {
      expect((await search()).json().total).toBe(0);
      expect((await getOffer(other.owner.token, unique.id)).json()).toMatchObject({ status: 'archivee' });
    });
  });
});
