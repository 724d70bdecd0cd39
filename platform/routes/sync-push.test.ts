import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  PUSH_BATCH_MAX,
  pushResponseSchema,
  type PushMutation,
  type PushResult,
} from '../../shared/api/sync';
import { offerSchema, type Offer } from '../../shared/domain/offers';
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
