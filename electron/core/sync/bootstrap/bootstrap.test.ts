import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../../shared/api/sync';
import type { LocalStore } from '../../db/open';
import { syncEntities } from '../entities';
import { STRUCTURE_ID } from '../../../../tests/support/scripted-engine';
import { dump, engineOn, freshStore, mixedFeed, seededFeed, signIn, snapshotClient } from './fixture';
import { firstSyncUnfinished, needsBootstrap, runBootstrap, type BootstrapProgress } from './index';

const opened: { store: LocalStore; dir: string }[] = [];
afterEach(async () => {
  for (const { store, dir } of opened.splice(0)) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function signedIn(): Promise<LocalStore> {
  const fresh = await freshStore();
  opened.push(fresh);
  await signIn(fresh.store);
  return fresh.store;
}

/** The reference: the same feed replayed by the engine's incremental pull, page by page. */
async function replayed(
  changes: Change[],
  before?: (store: LocalStore) => Promise<void>,
): Promise<Record<string, unknown[]>> {
  const store = await signedIn();
  await before?.(store);
  const engine = engineOn(store, (request) => {
    const since = Number(request.params?.since ?? 0);
    const page = changes.filter((change) => change.seq > since).slice(0, 7);
    return {
      kind: 'ok',
      data: { changes: page, cursor: page.at(-1)?.seq ?? since, hasMore: page.length === 7, remaining: null },
    };
  });
  await engine.runNow();
  await engine.stop();
  return dump(store);
}

const options = (store: LocalStore, client: ReturnType<typeof snapshotClient>, extra = {}) => ({
  store,
  client,
  structureId: STRUCTURE_ID,
  logger: { error: () => undefined },
  clock: () => 0,
  batchSize: 4,
  ...extra,
});

describe('bootstrap from the snapshot', () => {
  it('leaves the database a replay of the whole feed leaves, cursor included', async () => {
    const changes = seededFeed(9);
    const store = await signedIn();
    expect(await store.read((tx) => needsBootstrap(tx, STRUCTURE_ID))).toBe(true);
    expect(await runBootstrap(options(store, snapshotClient(changes)))).toBe('done');
    const mine = await dump(store);
    expect(mine).toEqual(await replayed(changes));
    expect((mine.application ?? []).length).toBe(9);
    expect(mine.search_cuisine!.length).toBeGreaterThan(9);
    expect(await store.read((tx) => needsBootstrap(tx, STRUCTURE_ID))).toBe(false);
  });

  it('writes every kind of row, its words, tallies and cached profiles as the replay does', async () => {
    const changes = mixedFeed();
    const store = await signedIn();
    expect(await runBootstrap(options(store, snapshotClient(changes)))).toBe('done');
    const mine = await dump(store);
    expect(mine).toEqual(await replayed(changes));
    // The comparison covers what the fast path writes besides the rows.
    expect(mine.search_words!.length).toBeGreaterThan(100);
    expect(mine.search_words).toContainEqual(expect.objectContaining({ term: 'soren2' }));
    expect(mine.application_tally!.length).toBe(4);
    expect(mine.application_offer_tally!.length).toBe(8);
    expect(mine.application_hour_tally!.length).toBe(8);
    expect(mine.profile!.length).toBe(3);
    expect(mine.profile).toContainEqual(expect.objectContaining({ first_name: 'Søren2' }));
  });

  it('applies rows already here (older or newer) as the pull does', async () => {
    const changes = mixedFeed();
    const offer = changes.find((change) => change.entity === 'offer')!;
    const application = changes.find((change) => change.entity === 'application')!;
    // An older offer (replaced) and a newer application (kept), synced, no change waiting.
    const already = async (store: LocalStore) => {
      const engine = engineOn(store, () => ({ kind: 'network', message: 'hors ligne' }));
      const data = offer.data as { title: string; version: number };
      await engine.applyServerRows(syncEntities.offer, [
        { ...data, title: 'Ancien intitulé', version: 0 },
      ] as never);
      const newer = application.data as { version: number; status: string };
      await engine.applyServerRows(syncEntities.application, [
        { ...newer, status: 'refusee', version: newer.version + 1 },
      ] as never);
      await engine.stop();
    };
    const store = await signedIn();
    await already(store);
    expect(await runBootstrap(options(store, snapshotClient(changes)))).toBe('done');
    const mine = await dump(store);
    expect(mine).toEqual(await replayed(changes, already));
    expect(mine.offer).toContainEqual(expect.objectContaining({ id: offer.id, title: 'Offre 1 cuisine' }));
    expect(mine.application).toContainEqual(
      expect.objectContaining({ id: application.id, status: 'refusee' }),
    );
  });

  it('resumes a cut download after the last stored row, without duplicates, and ends equal', async () => {
    const changes = seededFeed(6);
    const store = await signedIn();
    // First answer: header and 6 rows, no end line (the connection broke).
    const client = snapshotClient(changes, (answer) => (answer === 1 ? 7 : undefined));
    expect(await runBootstrap(options(store, client))).toBe('offline');
    expect(await store.read((tx) => firstSyncUnfinished(tx, STRUCTURE_ID))).toBe(true);
    // Indexes stay dropped while the first sync is unfinished.
    const during = await dump(store);
    expect(during.indexes).not.toContainEqual(expect.objectContaining({ name: 'application_answer_day' }));
    expect(await runBootstrap(options(store, client))).toBe('done');
    expect(client.requests.map((request) => request.params)).toEqual([
      { after: 0 },
      { after: changes[5]!.seq, upTo: changes.at(-1)!.seq },
    ]);
    expect(await dump(store)).toEqual(await replayed(changes));
  });

  it('keeps a change made here before the first sync, as the pull does (shadow and view)', async () => {
    const changes = seededFeed(3);
    const offer = changes[0]!;
    const withEdit = async (store: LocalStore) => {
      const engine = engineOn(store, () => ({ kind: 'network', message: 'hors ligne' }));
      await engine.applyServerRows(syncEntities.offer, [offer.data as never]);
      await engine.update(syncEntities.offer, offer.id, { title: 'Mon intitulé' });
      await engine.stop();
    };
    const store = await signedIn();
    await withEdit(store);
    expect(await runBootstrap(options(store, snapshotClient(changes)))).toBe('done');
    const reference = await signedIn();
    await withEdit(reference);
    const engine = engineOn(reference, () => ({
      kind: 'ok',
      data: { changes, cursor: changes.at(-1)!.seq, hasMore: false, remaining: null },
    }));
    // Pull only (the push is refused by being offline would differ): compare before any push.
    await (engine as unknown as { pull(): Promise<boolean> }).pull();
    await engine.stop();
    const [mine, theirs] = [await dump(store), await dump(reference)];
    expect(mine).toEqual(theirs);
    const row = await store.read((tx) =>
      tx.first<{ title: string; sync_state: string }>(
        sql`select title, sync_state from offer where id = ${offer.id}`,
      ),
    );
    expect(row).toEqual({ title: 'Mon intitulé', sync_state: 'pending' });
  });

  it('reports progress with an ETA from the rate so far', async () => {
    let now = 0;
    const seen: BootstrapProgress[] = [];
    const store = await signedIn();
    const client = snapshotClient(seededFeed(4));
    await runBootstrap(
      options(store, client, {
        clock: () => now,
        onProgress: (progress: BootstrapProgress) => {
          seen.push(progress);
          now += 1000;
        },
      }),
    );
    expect(seen[0]).toEqual({ done: 0, total: 8, etaSeconds: null });
    // 4 rows stored in 1 s, 4 left: 1 s.
    expect(seen[1]).toEqual({ done: 4, total: 8, etaSeconds: 1 });
    expect(seen.at(-1)).toMatchObject({ done: 8, total: 8 });
  });

  it('stops on an expired session or a membership problem, and offline on a network failure', async () => {
    const store = await signedIn();
    const answering = (answer: unknown) => ({ exchangeStream: async () => answer }) as never;
    expect(await runBootstrap(options(store, answering({ kind: 'session-expired' })))).toBe('expired');
    const refused = {
      kind: 'http',
      status: 403,
      message: 'non',
      problem: { code: 'no_structure' },
      retryAfterMs: undefined,
    };
    expect(await runBootstrap(options(store, answering(refused)))).toBe('membership');
    expect(await runBootstrap(options(store, answering({ kind: 'network', message: 'injoignable' })))).toBe(
      'offline',
    );
    expect(await store.read((tx) => firstSyncUnfinished(tx, STRUCTURE_ID))).toBe(true);
  });
});
