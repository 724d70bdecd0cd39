import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../platform/client';
import {
  offerPayload,
  ok,
  published,
  refused,
  sampleOffer,
  useScriptedEngine,
} from '../../../tests/support/scripted-engine';
import { syncEntities } from './entities';

// Creations made on the desktop (offers here), against a scripted platform: what goes out,
// what comes back, and what the user sees in between.

const offers = syncEntities.offer;
const scripted = useScriptedEngine();

const view = (id: string) =>
  scripted().store.read((tx) =>
    tx.first<{ number: number | null; title: string; sync_state: string }>(
      sql`select number, title, sync_state from offer where id = ${id}`,
    ),
  );

/** The platform's answer to `POST /offers`: the body it got, numbered. */
const numbering =
  (number: number) =>
  (body: unknown): Exchange =>
    ok(published(sampleOffer((body as { id: string }).id, body as object), number));

describe('creations made on the desktop', () => {
  it('is provisional offline, then numbered by the platform once acknowledged', async () => {
    const { engine, requests, answer, outbox } = scripted();
    const offer = sampleOffer('11111111-1111-4111-8111-111111111111');
    await engine.create(offers, offer, offerPayload(offer));
    expect(await view(offer.id)).toEqual({ number: null, title: 'Commis de cuisine', sync_state: 'pending' });

    await engine.runNow();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /offers']);
    expect(await view(offer.id)).toMatchObject({ number: null, sync_state: 'pending' });
    const [waiting] = await outbox();
    expect(waiting).toMatchObject({ operation: 'create', attempts: 1, state: 'pending' });

    answer((request) => numbering(42)(request.body));
    await engine.syncNow();
    const sent = requests.at(-1)!;
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/offers',
      headers: { 'Idempotency-Key': waiting!.id },
    });
    // No If-Match on a creation; the id is the desktop's.
    expect(sent.headers).not.toHaveProperty('If-Match');
    expect(sent.body).toEqual({ ...offerPayload(offer), id: offer.id });
    expect(await view(offer.id)).toEqual({ number: 42, title: 'Commis de cuisine', sync_state: 'synced' });
    expect(await outbox()).toEqual([]);
  });

  it('amends a creation still waiting when the offer is edited, instead of queueing an update', async () => {
    const { engine, requests, answer, outbox } = scripted();
    const offer = sampleOffer('22222222-2222-4222-8222-222222222222');
    await engine.create(offers, offer, offerPayload(offer));
    await engine.update(offers, offer.id, { title: 'Commis de cuisine (H/F)' });
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ operation: 'create' });
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ title: 'Commis de cuisine (H/F)' });

    answer((request) => numbering(7)(request.body));
    await engine.runNow();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /offers']);
    expect(requests[0]!.body).toMatchObject({ title: 'Commis de cuisine (H/F)' });
    expect(await view(offer.id)).toEqual({
      number: 7,
      title: 'Commis de cuisine (H/F)',
      sync_state: 'synced',
    });
  });

  it('sends an edit made while the creation is on its way as an update once it is acknowledged', async () => {
    const { engine, requests, answer, outbox } = scripted();
    const offer = sampleOffer('33333333-3333-4333-8333-333333333333');
    await engine.create(offers, offer, offerPayload(offer));
    let arrived!: () => void;
    const onTheWay = new Promise<void>((resolve) => (arrived = resolve));
    let reply!: (exchange: Exchange) => void;
    answer((request) => {
      if (request.method === 'PATCH') return ok({ ...published(offer, 9, 2), ...(request.body as object) });
      arrived();
      return new Promise<Exchange>((resolve) => (reply = resolve));
    });
    const run = engine.runNow();
    await onTheWay;
    // The platform has the creation but has not answered yet: the user edits the title.
    await engine.update(offers, offer.id, { title: 'Second de cuisine' });
    reply(numbering(9)(requests[0]!.body));
    await run;

    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /offers',
      `PATCH /offers/${offer.id}`,
    ]);
    expect(requests[1]).toMatchObject({
      body: { title: 'Second de cuisine' },
      headers: { 'If-Match': '"1"' },
    });
    expect(await view(offer.id)).toEqual({ number: 9, title: 'Second de cuisine', sync_state: 'synced' });
    expect(await outbox()).toEqual([]);
  });

  it('queues what a creation cannot carry (the status) behind it, as an update', async () => {
    const { engine, requests, answer, outbox } = scripted();
    const offer = sampleOffer('88888888-8888-4888-8888-888888888888');
    await engine.create(offers, offer, offerPayload(offer));
    await engine.update(offers, offer.id, { status: 'pourvue', title: 'Commis (pourvu)' });
    expect((await outbox()).map((row) => [row.operation, JSON.parse(row.payload).status])).toEqual([
      ['create', undefined],
      ['update', 'pourvue'],
    ]);

    answer((request) =>
      request.method === 'POST'
        ? numbering(3)(request.body)
        : ok({ ...published({ ...offer, title: 'Commis (pourvu)' }, 3, 2), ...(request.body as object) }),
    );
    await engine.runNow();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /offers',
      `PATCH /offers/${offer.id}`,
    ]);
    expect(requests[0]!.body).not.toHaveProperty('status');
    expect(requests[1]).toMatchObject({ body: { status: 'pourvue' }, headers: { 'If-Match': '"1"' } });
    expect(await outbox()).toEqual([]);
    await expect(
      scripted().store.read((tx) => tx.first(sql`select status, sync_state from offer`)),
    ).resolves.toEqual({
      status: 'pourvue',
      sync_state: 'synced',
    });
  });

  it('parks a refused creation with the platform’s reasons; discarding it removes the row', async () => {
    const { engine, answer, outbox } = scripted();
    const offer = sampleOffer('44444444-4444-4444-8444-444444444444');
    await engine.create(offers, offer, offerPayload(offer));
    answer(() => refused(422, 'Métier inconnu.', { romeCode: 'Ce code ROME n’existe pas.' }));
    await engine.runNow();
    expect(await view(offer.id)).toMatchObject({ number: null, sync_state: 'parked' });
    const [issue] = await engine.issues();
    expect(issue).toMatchObject({
      entity: 'offer',
      entityId: offer.id,
      state: 'parked',
      message: 'Métier inconnu.',
    });
    expect(issue!.fields.find((f) => f.field === 'romeCode')).toMatchObject({
      label: 'Métier',
      error: 'Ce code ROME n’existe pas.',
    });

    // A change made since goes with the refused creation it depends on.
    await engine.update(offers, offer.id, { status: 'archivee' });
    await engine.discard(issue!.id);
    expect(await view(offer.id)).toBeUndefined();
    expect(await outbox()).toEqual([]);
    expect(await engine.issues()).toEqual([]);
  });

  it('writes several creations together or none of them', async () => {
    const { engine, outbox } = scripted();
    const existing = sampleOffer('55555555-5555-4555-8555-555555555555');
    await engine.create(offers, existing, offerPayload(existing));
    const fresh = [
      sampleOffer('66666666-6666-4666-8666-666666666666'),
      sampleOffer('77777777-7777-4777-8777-777777777777'),
    ];
    const batch = (list: typeof fresh) =>
      list.map((offer) => ({ view: offer, payload: offerPayload(offer) }));
    await expect(engine.createMany(offers, batch([...fresh, existing]))).rejects.toMatchObject({
      code: 'conflict',
    });
    for (const offer of fresh) expect(await view(offer.id)).toBeUndefined();
    expect(await outbox()).toHaveLength(1);

    // A guard refusing inside the transaction leaves nothing either.
    const refuse = () => {
      throw new Error('refusé');
    };
    await expect(engine.createMany(offers, batch(fresh), refuse)).rejects.toThrow('refusé');
    expect(await outbox()).toHaveLength(1);

    await engine.createMany(offers, batch(fresh));
    expect(await outbox()).toHaveLength(3);
    for (const offer of fresh) expect(await view(offer.id)).toMatchObject({ sync_state: 'pending' });
  });

  it('sends each later edit on the version the platform gave the one before', async () => {
    const { engine, requests, answer, outbox } = scripted();
    const offer = sampleOffer('99999999-9999-4999-8999-999999999999');
    let version = 1;
    answer((request) =>
      request.method === 'POST'
        ? numbering(5)(request.body)
        : ok({ ...published(offer, 5, ++version), ...(request.body as object) }),
    );
    await engine.create(offers, offer, offerPayload(offer));
    await engine.runNow();
    await engine.update(offers, offer.id, { title: 'Second de cuisine' });
    await engine.runNow();
    await engine.update(offers, offer.id, { title: 'Chef de partie' });
    await engine.runNow();

    // Acknowledged changes leave no stale base behind: no 412, no merge round-trip.
    expect(requests.map((r) => r.headers?.['If-Match'])).toEqual([undefined, '"1"', '"2"']);
    expect(await outbox()).toEqual([]);
  });
});
