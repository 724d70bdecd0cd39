import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../shared/api/sync';
import type { Offer } from '../../../../shared/domain/offers';
import { sampleApplication } from '../../../../tests/support/applications';
import { usePartBench } from '../../../../tests/support/sync-context';
import {
  me,
  ok,
  published,
  sampleOffer,
  STRUCTURE_ID,
  unreachable,
} from '../../../../tests/support/scripted-engine';
import { cursorKey } from '../cursor';
import { accountEntity } from '../entities/account';
import { memberEntity } from '../entities/member';
import { offerEntity } from '../entities/offer';
import { applyServerState, readView } from '../local-state';
import { applyPage, pull } from './pull';

/** What the scripted platform says when it is unreachable. */
const OFFLINE = 'La plateforme est injoignable.';
const A = '1a2b3c4d-0000-4000-8000-00000000000a';
const B = '1a2b3c4d-0000-4000-8000-00000000000b';

function offerChange(seq: number, offer: Offer): Change {
  return { seq, entity: 'offer', id: offer.id, version: offer.version, deleted: false, data: offer };
}

describe('pull', () => {
  const bench = usePartBench();

  async function signedIn(role: 'referent' | null = 'referent') {
    await bench().store.write((tx) => applyServerState(tx, accountEntity, me(role as never), false));
  }

  const cursor = () =>
    bench().store.read(
      (tx) =>
        tx.first<{ value: string }>(sql`select value from meta where key = ${cursorKey(STRUCTURE_ID)}`)
          ?.value,
    );

  it('applies the feed page by page from the cursor, each page with its cursor', async () => {
    await signedIn();
    const pages = new Map<number, unknown>([
      [
        0,
        { changes: [offerChange(1, published(sampleOffer(A), 1))], cursor: 1, hasMore: true, remaining: 1 },
      ],
      [
        1,
        {
          changes: [offerChange(2, published(sampleOffer(B), 2))],
          cursor: 2,
          hasMore: false,
          remaining: null,
        },
      ],
    ]);
    bench().answer((request) => ok(pages.get(Number(request.params?.since))));
    expect(await pull(bench().ctx)).toBe(true);
    expect(bench().requests.map((r) => [r.path, r.params])).toEqual([
      ['/sync/changes', { since: 0, limit: 1000, count: 'true' }],
      ['/sync/changes', { since: 1, limit: 1000, count: 'false' }],
    ]);
    expect(await cursor()).toBe('2');
    const titles = await bench().store.read((tx) =>
      [A, B].map((id) => (readView(tx, offerEntity, id) as Offer)?.number),
    );
    expect(titles).toEqual([1, 2]);
    // Progress counted against the total the first page announced.
    expect(bench().ctx.progress).toEqual({ done: 2, total: 2 });
    expect(bench().changes).toEqual([['offer'], ['offer']]);
  });

  it('stops when the platform is unreachable, keeping what it applied and saying why', async () => {
    await signedIn();
    bench().answer((request) =>
      Number(request.params?.since) === 0
        ? ok({
            changes: [offerChange(1, published(sampleOffer(A), 1))],
            cursor: 1,
            hasMore: true,
            remaining: 5,
          })
        : unreachable,
    );
    expect(await pull(bench().ctx)).toBe(false);
    expect(await cursor()).toBe('1');
    expect(bench().ctx.lastError).toBe(OFFLINE);
  });

  it('refuses an unreadable page without moving the cursor', async () => {
    await signedIn();
    bench().answer(() => ok({ nothing: 'here' }));
    expect(await pull(bench().ctx)).toBe(false);
    expect(await cursor()).toBeUndefined();
    expect(bench().ctx.lastError).toMatch(/inattendue/);
  });

  it('pulls nothing for a pending collaborator the platform has not approved', async () => {
    await signedIn(null);
    expect(await pull(bench().ctx)).toBe(true);
    expect(bench().requests).toEqual([]);
  });

  it('counts news only when asked to (never in an account’s first full pull), and applies tombstones', async () => {
    await signedIn();
    const { ctx } = bench();
    const application = (id: string, seq: number): Change => ({
      seq,
      entity: 'application',
      id,
      version: 1,
      deleted: false,
      data: { ...sampleApplication(id), status: 'a_traiter', version: 1 },
    });
    await applyPage(ctx, STRUCTURE_ID, [application(A, 1)], 1, false);
    expect(ctx.arrivals.size).toBe(0);
    await applyPage(ctx, STRUCTURE_ID, [application(B, 2)], 2, true);
    expect(Object.fromEntries(ctx.arrivals)).toEqual({ application: 1 });
    // A tombstone deletes the row, in the same transaction as the cursor.
    const member = {
      id: A,
      firstName: 'Léa',
      lastName: 'Martin',
      mail: 'lea@cfa-demo.fr',
      role: 'gestionnaire',
    };
    const joined = { ...member, joinedAt: '2026-01-05T09:00:00.000Z', version: 1 };
    await applyPage(
      ctx,
      STRUCTURE_ID,
      [{ seq: 3, entity: 'member', id: A, version: 1, deleted: false, data: joined }],
      3,
      true,
    );
    expect(await bench().store.read((tx) => readView(tx, memberEntity, A))).toBeDefined();
    const gone: Change = { seq: 4, entity: 'member', id: A, version: 2, deleted: true, data: null };
    await applyPage(ctx, STRUCTURE_ID, [gone], 4, true);
    expect(await bench().store.read((tx) => readView(tx, memberEntity, A))).toBeUndefined();
    expect(await cursor()).toBe('4');
  });
});
