import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, type PushMutation, type PushResult } from '../../shared/api/sync';
import { offerSchema, type Offer } from '../../shared/domain/offers';
import { offerCalls, offerFields } from '../offers/test-fixtures';
import { createPlatform, type Platform } from '../server';
import { freeSirets, newReferent, newTestStorage, type TestStorage } from '../test-support';

// One database, on which the platform is stopped and started again.
let storage: TestStorage | undefined;
let current: Platform | undefined;
const platform = () => {
  if (!current) throw new Error('plateforme arrêtée');
  return current;
};
/** Called at the platform's next look at its clock (inside a write), then forgotten. */
let atNextClock: (() => void) | undefined;
const start = async () => {
  current = await createPlatform({
    ...storage!.where,
    limits: { registrations: 10_000 },
    clock: () => {
      const hook = atNextClock;
      atNextClock = undefined;
      hook?.();
      return new Date();
    },
  });
};
const stop = async () => {
  await current?.close();
  current = undefined;
};
beforeAll(async () => {
  storage = await newTestStorage();
  await start();
});
afterAll(async () => {
  await stop();
  await storage?.remove();
});

const { call, addEmployer, createOffer } = offerCalls(platform);
const nextSiret = freeSirets();

async function push(token: string, mutations: PushMutation[]): Promise<PushResult[]> {
  const response = await call('POST', '/sync/push', token, { mutations });
  expect(response.statusCode, response.body).toBe(200);
  return pushResponseSchema.parse(response.json()).results;
}

/**
 * A request over a real socket, on a connection of its own closed after the answer: a kept-alive
 * idle connection would hold the platform's shutdown until its keep-alive timeout.
 */
function postOverHttp(url: string, token: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          connection: 'close',
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

describe('POST /sync/push across a platform restart', () => {
  it('replays what was committed before the stop and applies the rest once', async () => {
    const owner = await newReferent(platform, nextSiret);
    const employer = await addEmployer(owner.token, nextSiret());
    const offers: Offer[] = [];
    for (let i = 0; i < 20; i++) {
      offers.push(await createOffer(owner.token, offerFields(employer.id, { title: `Offre ${i + 1}` })));
    }
    const created = Array.from({ length: 5 }, () => randomUUID());
    const batch: PushMutation[] = [
      ...created.map((id, i) => ({
        idempotencyKey: `outbox-${randomUUID()}`,
        method: 'POST' as const,
        path: '/offers',
        body: { id, ...offerFields(employer.id, { title: `Créée ${i + 1}` }) },
      })),
      ...offers.map((offer, i) => ({
        idempotencyKey: `outbox-${randomUUID()}`,
        method: 'PATCH' as const,
        path: `/offers/${offer.id}`,
        baseVersion: 1,
        body: { title: `Modifiée ${i + 1}` },
      })),
    ];
    // The platform dies inside item 13 (the 8th update): 12 items committed, the 13th's
    // transaction rolled back, nothing after it run. A trigger makes that write fail there.
    const k = 12;
    const dying = offers[k - created.length]!.id;
    expect(dying).toMatch(/^[0-9a-f-]{36}$/);
    if (platform().dialect === 'postgres') {
      await sql
        .raw(
          `CREATE FUNCTION stop_mid_batch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'arrêt de la plateforme'; END $$`,
        )
        .execute(platform().db);
      await sql
        .raw(
          `CREATE TRIGGER stop_mid_batch BEFORE UPDATE ON offers FOR EACH ROW WHEN (OLD.id = '${dying}') EXECUTE FUNCTION stop_mid_batch()`,
        )
        .execute(platform().db);
    } else {
      await sql
        .raw(
          `CREATE TRIGGER stop_mid_batch BEFORE UPDATE ON offers WHEN OLD.id = '${dying}' BEGIN SELECT RAISE(ABORT, 'arrêt de la plateforme'); END`,
        )
        .execute(platform().db);
    }
    const cut = await push(owner.token, batch);
    expect(cut.map((r) => r.outcome)).toEqual([
      ...Array(k).fill('applied'),
      'refused',
      ...Array(batch.length - k - 1).fill('not_applied'),
    ]);
    expect(cut[k]).toMatchObject({ outcome: 'refused', status: 500 });

    // The answer never reached the desktop; the platform starts again on the same data.
    await stop();
    await start();
    await sql
      .raw(
        platform().dialect === 'postgres'
          ? 'DROP TRIGGER stop_mid_batch ON offers'
          : 'DROP TRIGGER stop_mid_batch',
      )
      .execute(platform().db);
    const feedBefore = await call('GET', '/sync/changes?since=0&limit=5000', owner.token);
    expect(feedBefore.statusCode).toBe(200);
    const cursor = feedBefore.json<{ cursor: number }>().cursor;

    const resent = await push(owner.token, batch);
    expect(resent.map((r) => r.outcome)).toEqual(Array(batch.length).fill('applied'));
    // The first k are the answers given before the stop, replayed: not applied again.
    expect(resent.slice(0, k)).toEqual(cut.slice(0, k));
    const changes = (await call('GET', `/sync/changes?since=${cursor}&limit=5000`, owner.token)).json<{
      changes: Array<{ entity: string; id: string }>;
    }>().changes;
    const changedOffers = changes.filter((c) => c.entity === 'offer').map((c) => c.id);
    expect(changedOffers).toEqual(offers.slice(k - created.length).map((o) => o.id));

    // Each creation exists once, each update applied once.
    const listed = offerSchema.array().parse((await call('GET', '/offers', owner.token)).json());
    expect(listed).toHaveLength(offers.length + created.length);
    for (const id of created) expect(listed.find((o) => o.id === id)?.version).toBe(1);
    for (const [i, offer] of offers.entries()) {
      expect(listed.find((o) => o.id === offer.id)).toMatchObject({ title: `Modifiée ${i + 1}`, version: 2 });
    }
  });

  it('stops a batch cleanly when the platform shuts down during it, then applies the rest once', async () => {
    const owner = await newReferent(platform, nextSiret);
    const employer = await addEmployer(owner.token, nextSiret());
    const offers: Offer[] = [];
    for (let i = 0; i < 6; i++) offers.push(await createOffer(owner.token, offerFields(employer.id)));
    const batch: PushMutation[] = offers.map((offer, i) => ({
      idempotencyKey: `outbox-${randomUUID()}`,
      method: 'PATCH',
      path: `/offers/${offer.id}`,
      baseVersion: 1,
      body: { title: `Modifiée ${i + 1}` },
    }));
    const base = await platform().listen(0);
    // The shutdown (a restart, a new version) begins while the first change is being written.
    let stopping: Promise<void> | undefined;
    atNextClock = () => {
      stopping = stop();
    };
    const response = await postOverHttp(`${base}/api/v1/sync/push`, owner.token, { mutations: batch });
    expect(response.status).toBe(200);
    const { results } = pushResponseSchema.parse(JSON.parse(response.body));
    expect(stopping).toBeDefined();
    await stopping;
    // The change being written when the shutdown began is finished; nothing else is started.
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'refused', ...Array(4).fill('not_applied')]);
    expect(results[1]).toMatchObject({ status: 503, retryAfter: 1, problem: { code: 'platform_stopping' } });

    await start();
    const resent = await push(owner.token, batch);
    expect(resent.map((r) => r.outcome)).toEqual(Array(6).fill('applied'));
    expect(resent[0]).toEqual(results[0]);
    const listed = offerSchema.array().parse((await call('GET', '/offers', owner.token)).json());
    for (const [i, offer] of offers.entries()) {
      expect(listed.find((o) => o.id === offer.id)).toMatchObject({ title: `Modifiée ${i + 1}`, version: 2 });
    }
  });
});
