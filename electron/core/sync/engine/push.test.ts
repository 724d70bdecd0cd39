import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Offer } from '../../../../shared/domain/offers';
import { usePartBench } from '../../../../tests/support/sync-context';
import { ok, published, refused, sampleOffer, unreachable } from '../../../../tests/support/scripted-engine';
import { offerEntity } from '../entities/offer';
import { applyServerState, readView } from '../local-state';
import { updateMany } from './local-writes';
import { push, nextToSend } from './push';
import { handleAnswer } from './push-answers';

/** What the scripted platform says when it is unreachable. */
const OFFLINE = 'La plateforme est injoignable.';
const A = '1a2b3c4d-0000-4000-8000-00000000000a';
const B = '1a2b3c4d-0000-4000-8000-00000000000b';

describe('push', () => {
  const bench = usePartBench();

  /** Offers as the platform has them (version 1), then edited here. */
  async function editedOffers(...edits: Array<[string, string]>): Promise<Map<string, Offer>> {
    const { ctx, store } = bench();
    const offers = new Map<string, Offer>();
    for (const [id] of edits)
      if (!offers.has(id)) offers.set(id, published(sampleOffer(id), offers.size + 1, 1));
    await store.write((tx) => {
      for (const offer of offers.values()) applyServerState(tx, offerEntity, offer, false);
    });
    for (const [id, title] of edits) await updateMany(ctx, offerEntity, [{ id, patch: { title } }]);
    // The debounced syncs the edits asked for are not what these tests look at.
    bench().scheduled.length = 0;
    return offers;
  }

  it('sends the next change in order, skipping a row whose earlier change waits for the user', async () => {
    await editedOffers([A, 'Premier titre'], [A, 'Second titre'], [B, 'Autre titre']);
    const { store } = bench();
    const [firstOfA, secondOfA, ofB] = await bench().outbox();
    expect((await store.read((tx) => nextToSend(tx)))?.id).toBe(firstOfA!.id);
    await store.write((tx) => tx.run(sql`update outbox set state = 'parked' where id = ${firstOfA!.id}`));
    // The second change of A builds on the refused one: it waits, B's goes.
    expect((await store.read((tx) => nextToSend(tx)))?.id).toBe(ofB!.id);
    expect(secondOfA!.entity_id).toBe(A);
  });

  it('sends each change with its Idempotency-Key and the version it was made on, then empties the outbox', async () => {
    const offers = await editedOffers([A, 'Nouveau titre'], [B, 'Autre titre']);
    const { ctx, store } = bench();
    const [rowA, rowB] = await bench().outbox();
    bench().answer((request) => {
      const id = request.path.split('/').pop()!;
      const body = request.body as { title: string };
      return ok({ ...offers.get(id)!, title: body.title, version: 2 });
    });
    expect(await push(ctx)).toBe('done');
    expect(bench().requests.map((r) => [r.method, r.path, r.headers])).toEqual([
      ['PATCH', `/offers/${A}`, { 'Idempotency-Key': rowA!.id, 'If-Match': '"1"' }],
      ['PATCH', `/offers/${B}`, { 'Idempotency-Key': rowB!.id, 'If-Match': '"1"' }],
    ]);
    expect(await bench().outbox()).toEqual([]);
    const view = await store.read((tx) => readView(tx, offerEntity, A) as Offer);
    expect(view).toMatchObject({ title: 'Nouveau titre', version: 2 });
    expect(await store.read((tx) => tx.get('select 1 from shadow'))).toBeUndefined();
    expect(bench().changes).toContainEqual(['offer']);
  });

  it('stops at the first change that must wait for its retry time', async () => {
    await editedOffers([A, 'Nouveau titre']);
    const { ctx, store } = bench();
    const at = new Date(Date.now() + 60_000).toISOString();
    await store.write((tx) => tx.run(sql`update outbox set next_attempt_at = ${at}`));
    expect(await push(ctx)).toBe('waiting');
    expect(bench().requests).toEqual([]);
    expect(bench().scheduled).toHaveLength(1);
    expect(bench().scheduled[0]).toBeGreaterThan(50_000);
  });

  describe('handleAnswer (one change, one answer)', () => {
    async function oneChange() {
      const offers = await editedOffers([A, 'Nouveau titre']);
      const [row] = await bench().outbox();
      return { row: row!, offer: offers.get(A)! };
    }

    it('offline: kept for a retry after a delay, and the push stops', async () => {
      const { row } = await oneChange();
      const { ctx } = bench();
      expect(await handleAnswer(ctx, row, offerEntity, unreachable)).toBe('offline');
      const [after] = await bench().outbox();
      expect(after).toMatchObject({ state: 'pending', attempts: 1, last_error: OFFLINE });
      expect(after!.next_attempt_at).not.toBeNull();
      expect(ctx.lastError).toBe(OFFLINE);
      // A run is planned for the retry: the first one waits at most the policy's base delay.
      expect(bench().scheduled).toHaveLength(1);
      expect(bench().scheduled[0]).toBeGreaterThan(0);
      expect(bench().scheduled[0]).toBeLessThanOrEqual(1_000);
    });

    it('refused with field errors: parked with them, the push goes on', async () => {
      const { row } = await oneChange();
      const answer = refused(422, 'Offre refusée.', { title: 'Titre trop long.' });
      expect(await handleAnswer(bench().ctx, row, offerEntity, answer)).toBe('continue');
      const [after] = await bench().outbox();
      expect(after).toMatchObject({ state: 'parked', last_error: 'Offre refusée.' });
      expect(JSON.parse(after!.last_error_fields!)).toEqual({ title: 'Titre trop long.' });
    });

    it('busy (503): retried later, like offline', async () => {
      const { row } = await oneChange();
      expect(await handleAnswer(bench().ctx, row, offerEntity, refused(503, 'Indisponible.'))).toBe(
        'offline',
      );
      expect((await bench().outbox())[0]).toMatchObject({ state: 'pending', attempts: 1 });
    });

    it('session refused: the push stops and the session is told', async () => {
      const { row } = await oneChange();
      const { ctx } = bench();
      expect(await handleAnswer(ctx, row, offerEntity, { kind: 'session-expired' } as never)).toBe('expired');
      expect(bench().expired).toBe(1);
      expect(await bench().outbox()).toHaveLength(1);
    });

    it('acknowledged: the change leaves the outbox and the platform version is stored', async () => {
      const { row, offer } = await oneChange();
      const answer = ok({ ...offer, title: 'Nouveau titre', version: 2 });
      expect(await handleAnswer(bench().ctx, row, offerEntity, answer)).toBe('continue');
      expect(await bench().outbox()).toEqual([]);
      expect(bench().ctx.touched.has('offer')).toBe(true);
    });
  });
});
