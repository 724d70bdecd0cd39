import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PUSH_BATCH_MAX,
  pushResponseSchema,
  type PushMutation,
  type PushResult,
} from '../../shared/api/sync';
import { offerSchema, type Offer } from '../../shared/domain/offers';
import { candidateCalls } from '../applications/test-fixtures';
import { offerCalls, offerFields } from '../offers/test-fixtures';
import {
  expectProblem,
  freeSirets,
  newGestionnaire,
  newPendingMember,
  newReferent,
  newSignedInAccount,
  usePlatform,
} from '../test-support';

const platform = usePlatform({ limits: { registrations: 10_000, loginAttempts: 3 } });
const { call, addEmployer, createOffer, getOffer, feed } = offerCalls(platform);
const { newCandidate } = candidateCalls(platform);
const nextSiret = freeSirets();

function push(token: string | undefined, mutations: unknown, headers: Record<string, string> = {}) {
  return call('POST', '/sync/push', token, { mutations }, headers);
}

async function pushed(token: string, mutations: PushMutation[]): Promise<PushResult[]> {
  const response = await push(token, mutations);
  expect(response.statusCode, response.body).toBe(200);
  const { results } = pushResponseSchema.parse(response.json());
  expect(results).toHaveLength(mutations.length);
  return results;
}

const outcomes = (results: PushResult[]) => results.map((r) => r.outcome);

/** The update of an offer as the desktop's outbox holds it. */
function offerUpdate(offer: { id: string; version: number }, patch: Record<string, unknown>): PushMutation {
  return {
    idempotencyKey: `outbox-${randomUUID()}`,
    method: 'PATCH',
    path: `/offers/${offer.id}`,
    baseVersion: offer.version,
    body: patch,
  };
}

function offerCreation(employerId: string, title: string): PushMutation {
  const id = randomUUID();
  return {
    idempotencyKey: `outbox-${randomUUID()}`,
    method: 'POST',
    path: '/offers',
    body: { id, ...offerFields(employerId, { title }) },
  };
}

async function structureWithOffers(count: number) {
  const owner = await newReferent(platform, nextSiret);
  const employer = await addEmployer(owner.token, nextSiret());
  const offers: Offer[] = [];
  for (let i = 0; i < count; i++) {
    offers.push(await createOffer(owner.token, offerFields(employer.id, { title: `Offre ${i + 1}` })));
  }
  return { owner, employer, offers };
}

async function offerNow(token: string, id: string): Promise<Offer> {
  const response = await getOffer(token, id);
  expect(response.statusCode).toBe(200);
  return offerSchema.parse(response.json());
}

describe('POST /sync/push', () => {
  it('applies the batch in order and stops at the first refusal: a 412 at item 17 of 50', async () => {
    const { owner, offers } = await structureWithOffers(50);
    // Someone else changed offer 17 since the desktop made its change.
    const elsewhere = await call(
      'PATCH',
      `/offers/${offers[16]!.id}`,
      owner.token,
      { positions: 4 },
      {
        'if-match': '"1"',
      },
    );
    expect(elsewhere.statusCode).toBe(200);
    const before = await feed(owner.token);

    const batch = offers.map((offer, i) => offerUpdate(offer, { title: `Modifiée ${i + 1}` }));
    const results = await pushed(owner.token, batch);

    expect(outcomes(results)).toEqual([
      ...Array(16).fill('applied'),
      'refused',
      ...Array(33).fill('not_applied'),
    ]);
    for (const [i, result] of results.slice(0, 16).entries()) {
      expect(result).toMatchObject({ status: 200 });
      expect(offerSchema.parse((result as { data: unknown }).data)).toMatchObject({
        id: offers[i]!.id,
        title: `Modifiée ${i + 1}`,
        version: 2,
      });
    }
    const refused = results[16]!;
    if (refused.outcome !== 'refused') throw new Error('refus attendu');
    expect(refused.status).toBe(412);
    expect(refused.problem.code).toBe('version_mismatch');
    expect(offerSchema.parse(refused.problem.current)).toMatchObject({ positions: 4, version: 2 });
    // The same answer as the single path would have given.
    const single = expectProblem(
      await call(
        'PATCH',
        `/offers/${offers[16]!.id}`,
        owner.token,
        { title: 'Modifiée 17' },
        {
          'if-match': '"1"',
        },
      ),
      412,
    );
    expect(refused.problem).toEqual(single);

    // Items 17 to 50 are untouched: same state, same version, nothing in the feed.
    for (const offer of offers.slice(16)) {
      const now = await offerNow(owner.token, offer.id);
      expect(now.title).toBe(offer.title);
      expect(now.version).toBe(offer.id === offers[16]!.id ? 2 : 1);
    }
    const after = await feed(owner.token, before.at(-1)!.seq);
    expect(after.map((c) => c.id)).toEqual(offers.slice(0, 16).map((o) => o.id));
  });

  it('applies nothing twice when the same batch comes again after a lost answer', async () => {
    const { owner, employer, offers } = await structureWithOffers(3);
    const creations = [offerCreation(employer.id, 'Créée 1'), offerCreation(employer.id, 'Créée 2')];
    const createdId = (creations[0]!.body as { id: string }).id;
    const batch = [
      ...creations,
      ...offers.map((offer, i) => offerUpdate(offer, { title: `Modifiée ${i + 1}` })),
      // A change of an offer the same batch created: it comes after its creation.
      offerUpdate({ id: createdId, version: 1 }, { positions: 2 }),
    ];
    const first = await pushed(owner.token, batch);
    expect(outcomes(first)).toEqual(Array(batch.length).fill('applied'));
    expect(first.slice(0, 2).map((r) => (r as { status: number }).status)).toEqual([201, 201]);
    const cursor = (await feed(owner.token)).at(-1)!.seq;
    const listed = (await call('GET', '/offers', owner.token)).json<Offer[]>().length;

    // The answer was lost: the desktop sends the very same batch again.
    const again = await pushed(owner.token, batch);
    expect(again).toEqual(first);
    expect(await feed(owner.token, cursor)).toEqual([]);
    expect((await call('GET', '/offers', owner.token)).json<Offer[]>()).toHaveLength(listed);
    expect((await offerNow(owner.token, createdId)).version).toBe(2);
    for (const offer of offers) expect((await offerNow(owner.token, offer.id)).version).toBe(2);
  });

  it('stops a second desktop at its stale change, and its later changes stay unsent', async () => {
    const { owner, offers } = await structureWithOffers(3);
    const colleague = await newGestionnaire(platform, owner);
    const [x, y, z] = offers as [Offer, Offer, Offer];
    // Both desktops worked offline from version 1 of every offer.
    const a1 = await pushed(owner.token, [
      offerUpdate(x, { title: 'X par A' }),
      offerUpdate(y, { title: 'Y par A' }),
    ]);
    expect(outcomes(a1)).toEqual(['applied', 'applied']);
    const staleX = offerUpdate(x, { description: 'Description de X par B, assez longue.' });
    const laterY = offerUpdate(y, { positions: 9 });
    const b1 = await pushed(colleague.token, [offerUpdate(z, { title: 'Z par B' }), staleX, laterY]);
    expect(outcomes(b1)).toEqual(['applied', 'refused', 'not_applied']);
    const refused = b1[1]!;
    if (refused.outcome !== 'refused') throw new Error('refus attendu');
    expect(refused.status).toBe(412);
    expect(offerSchema.parse(refused.problem.current)).toMatchObject({ title: 'X par A', version: 2 });
    // B's change of Y did not overtake its refused change of X: Y is as A left it.
    expect(await offerNow(owner.token, y.id)).toMatchObject({ title: 'Y par A', version: 2, positions: 1 });

    // A goes on from its own versions; then B sends its merged change under the same key.
    expect(
      outcomes(await pushed(owner.token, [offerUpdate({ id: x.id, version: 2 }, { positions: 2 })])),
    ).toEqual(['applied']);
    const merged = { ...staleX, baseVersion: 3 };
    const b2 = await pushed(colleague.token, [merged, { ...laterY, baseVersion: 2 }]);
    expect(outcomes(b2)).toEqual(['applied', 'applied']);
    expect(await offerNow(owner.token, x.id)).toMatchObject({
      title: 'X par A',
      positions: 2,
      description: 'Description de X par B, assez longue.',
      version: 4,
    });
    // The feed carries each offer once, at its latest version, in the order of the last changes.
    const entries = (await feed(owner.token)).filter((c) => c.entity === 'offer');
    expect(entries.map((c) => `${c.id}:${c.version}`)).toEqual([`${z.id}:2`, `${x.id}:4`, `${y.id}:3`]);
  });

  it('lets exactly one of two concurrent batches on the same offer through', async () => {
    const { owner, offers } = await structureWithOffers(1);
    const colleague = await newGestionnaire(platform, owner);
    const offer = offers[0]!;
    // Each desktop made five successive changes, each on the version its previous one produced.
    const chain = (who: string) =>
      Array.from({ length: 5 }, (_, i) =>
        offerUpdate({ id: offer.id, version: 1 + i }, { title: `${who} ${i + 1}` }),
      );
    const [a, b] = await Promise.all([pushed(owner.token, chain('A')), pushed(colleague.token, chain('B'))]);
    const byOutcome = [a, b].map((results) => outcomes(results).join(','));
    // Whoever came second is stale from its first change on: refused there, nothing else sent.
    expect(byOutcome.sort()).toEqual([
      'applied,applied,applied,applied,applied',
      'refused,not_applied,not_applied,not_applied,not_applied',
    ]);
    const winner = outcomes(a)[0] === 'applied' ? 'A' : 'B';
    expect(await offerNow(owner.token, offer.id)).toMatchObject({ title: `${winner} 5`, version: 6 });
  });

  it('gives each mutation the rights of the token, as its single path would', async () => {
    const { owner, offers } = await structureWithOffers(1);
    const pending = await newPendingMember(platform, owner.siret);
    const outsider = await newReferent(platform, nextSiret);
    const patch = offerUpdate(offers[0]!, { title: 'Pas à moi' });
    for (const [token, status, code] of [
      [pending.token, 403, 'membership_pending'],
      [outsider.token, 404, undefined],
    ] as const) {
      const [result] = await pushed(token, [{ ...patch, idempotencyKey: `outbox-${randomUUID()}` }]);
      if (result?.outcome !== 'refused') throw new Error('refus attendu');
      expect(result.status).toBe(status);
      if (code) expect(result.problem.code).toBe(code);
      const single = await call('PATCH', patch.path, token, patch.body, { 'if-match': '"1"' });
      expect(result.problem).toEqual(expectProblem(single, status));
    }
    // A staff token does not open the candidates' paths.
    const [closing] = await pushed(owner.token, [
      { idempotencyKey: `outbox-${randomUUID()}`, method: 'DELETE', path: '/candidate/account' },
    ]);
    if (closing?.outcome !== 'refused') throw new Error('refus attendu');
    expect(closing.problem.code).toBe('not_a_candidate');
    expect(closing.problem).toEqual(
      expectProblem(await call('DELETE', '/candidate/account', owner.token), 403),
    );
    expect((await offerNow(owner.token, offers[0]!.id)).version).toBe(1);
    // A candidate's token is not a desktop's: the batch itself is refused, nothing is sent.
    const candidate = await newCandidate();
    expect(expectProblem(await push(candidate.token, [patch]), 403).code).toBe('candidate_account');
  });

  it('counts the limits per address of inner requests against the caller’s address', async () => {
    const { mail } = await newSignedInAccount(platform());
    const { token } = await newSignedInAccount(platform());
    // This platform allows three sign-ins per mail and address; the batch comes from 10.1.2.3.
    const login = (): PushMutation => ({
      idempotencyKey: `outbox-${randomUUID()}`,
      method: 'POST',
      path: '/auth/login',
      body: { mail, password: 'Alternance-2026' },
    });
    const response = await platform().app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: { authorization: `Bearer ${token}` },
      remoteAddress: '10.1.2.3',
      payload: { mutations: [login(), login(), login(), login(), login()] },
    });
    const { results } = pushResponseSchema.parse(response.json());
    expect(outcomes(results)).toEqual(['applied', 'applied', 'applied', 'refused', 'not_applied']);
    const limited = results[3]!;
    if (limited.outcome !== 'refused') throw new Error('refus attendu');
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBeGreaterThan(0);
    // Another address is not limited by that batch.
    expect(
      (await call('POST', '/auth/login', undefined, { mail, password: 'Alternance-2026' })).statusCode,
    ).toBe(200);
  });

  it('applies several edits of one row in one batch, each on the version the previous one gave (onTopOf)', async () => {
    const { owner, offers } = await structureWithOffers(1);
    const offer = offers[0]!;
    const on = (index: number, patch: Record<string, unknown>): PushMutation => ({
      ...offerUpdate(offer, patch),
      baseVersion: undefined,
      onTopOf: index,
    });
    const batch = [offerUpdate(offer, { title: 'Un' }), on(0, { title: 'Deux' }), on(1, { title: 'Trois' })];
    const results = await pushed(owner.token, batch);
    expect(outcomes(results)).toEqual(['applied', 'applied', 'applied']);
    expect(results.map((r) => (r.outcome === 'applied' ? (r.data as Offer).version : null))).toEqual([
      2, 3, 4,
    ]);
    expect(await offerNow(owner.token, offer.id)).toMatchObject({ title: 'Trois', version: 4 });
    // Sent again (a lost answer): every mutation replays its first answer, nothing moves.
    expect(outcomes(await pushed(owner.token, batch))).toEqual(['applied', 'applied', 'applied']);
    expect((await offerNow(owner.token, offer.id)).version).toBe(4);
  });

  it('refuses onTopOf a mutation whose answer has no version, and stops the batch there', async () => {
    const { owner, offers } = await structureWithOffers(2);
    // Taking off the favourites a profile that is none: 204, no body, hence no version.
    const deletion: PushMutation = {
      idempotencyKey: `outbox-${randomUUID()}`,
      method: 'DELETE',
      path: `/favorites/${randomUUID()}`,
    };
    const results = await pushed(owner.token, [
      deletion,
      { ...offerUpdate(offers[0]!, { title: 'Après' }), baseVersion: undefined, onTopOf: 0 },
      offerUpdate(offers[1]!, { title: 'Jamais envoyée' }),
    ]);
    expect(outcomes(results)).toEqual(['applied', 'refused', 'not_applied']);
    expect(results[1]).toMatchObject({ status: 400, problem: { errors: [{ field: 'onTopOf' }] } });
    expect((await offerNow(owner.token, offers[1]!.id)).version).toBe(1);
  });

  it('refuses an invalid batch with 400 in French naming the field, and applies none of it', async () => {
    const { owner, offers } = await structureWithOffers(1);
    const valid = offerUpdate(offers[0]!, { title: 'Jamais appliquée' });
    for (const [mutations, field] of [
      [[], 'mutations'],
      [Array.from({ length: PUSH_BATCH_MAX + 1 }, () => valid), 'mutations'],
      ['pas une liste', 'mutations'],
      [[valid, { ...valid, path: '/sync/push' }], 'mutations.1.path'],
      [[valid, { ...valid, path: '/sync/changes' }], 'mutations.1.path'],
      [[valid, { ...valid, path: 'offers' }], 'mutations.1.path'],
      [[valid, { ...valid, path: '/offers/../sync/push' }], 'mutations.1.path'],
      [[valid, { ...valid, path: '/./offers' }], 'mutations.1.path'],
      [[valid, { ...valid, path: '/offers?x=1' }], 'mutations.1.path'],
      [[{ ...valid, idempotencyKey: 'court' }], 'mutations.0.idempotencyKey'],
      [[{ ...valid, idempotencyKey: 'clé avec espaces' }], 'mutations.0.idempotencyKey'],
      [[{ ...valid, method: 'GET' }], 'mutations.0.method'],
      [[{ ...valid, baseVersion: -1 }], 'mutations.0.baseVersion'],
      [[valid, { ...valid, onTopOf: 0 }], 'mutations.1.onTopOf'],
      [[valid, { ...valid, baseVersion: undefined, onTopOf: 1 }], 'mutations.1.onTopOf'],
    ] as const) {
      const problem = expectProblem(await push(owner.token, mutations), 400);
      expect(problem.errors?.[0]?.field, JSON.stringify(mutations).slice(0, 80)).toBe(field);
      expect(problem.detail).toMatch(/^Saisie invalide \(« .+ »\) : /);
    }
    expect((await offerNow(owner.token, offers[0]!.id)).version).toBe(1);
  });

  it('answers 401 without a token, and sends nothing', async () => {
    const { owner, offers } = await structureWithOffers(1);
    const problem = expectProblem(await push(undefined, [offerUpdate(offers[0]!, { title: 'X' })]), 401);
    expect(problem.code).toBe('token_missing');
    expect(
      expectProblem(await push('pas-un-jeton', [offerUpdate(offers[0]!, { title: 'X' })]), 401).status,
    ).toBe(401);
    expect((await offerNow(owner.token, offers[0]!.id)).version).toBe(1);
  });
});
