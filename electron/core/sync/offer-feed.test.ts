import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/api/sync';
import type { Offer } from '../../../shared/domain/offers';
import {
  me,
  ok,
  published,
  refused,
  sampleOffer,
  SOMEONE_ELSE,
  useScriptedEngine,
} from '../../../tests/support/scripted-engine';
import { syncEntities } from './entities';
import { TestFeed } from '../../../tests/support/feed';

// Offers come through the feed under two names: `offer` (shared with the structure) and
// `private_offer` (only for their author and the référent). A sharing change is a tombstone
// of one name followed by the entry under the other.

const scripted = useScriptedEngine();
const feed = new TestFeed();
const entry = (entity: 'offer' | 'private_offer', offer: Offer): Change => feed.entry(entity, offer);
const tombstone = (entity: 'offer' | 'private_offer', offer: Offer): Change => feed.tombstone(entity, offer);

/** One pull of these changes (local edits are refused, so that they stay waiting). */
async function pull(...changes: Change[]): Promise<void> {
  const { engine, answer } = scripted();
  answer((request) =>
    request.path === '/sync/changes'
      ? ok({ changes, cursor: feed.cursor, hasMore: false, remaining: null })
      : refused(422, 'Refusé pour le test.'),
  );
  await engine.runNow();
}

const local = (id: string) =>
  scripted().store.read((tx) =>
    tx.first<{ title: string; shared_with_structure: number; sync_state: string }>(
      sql`select title, shared_with_structure, sync_state from offer where id = ${id}`,
    ),
  );

const theirs = (id: string, overrides: Partial<Offer> = {}) =>
  published(sampleOffer(id, { createdBy: SOMEONE_ELSE, ...overrides }), Number(id.at(-1)) + 100);

describe('offers in the change feed', () => {
  it('moves an offer whose sharing changed without losing the référent’s waiting edit', async () => {
    const { engine } = scripted();
    await engine.applyServerRows(syncEntities.account, [me('referent')]);
    const shared = theirs('a0000000-0000-4000-8000-000000000001');
    await pull(entry('offer', shared));
    await engine.update(syncEntities.offer, shared.id, { title: 'Mon intitulé' });
    await pull();
    expect(await local(shared.id)).toMatchObject({ title: 'Mon intitulé', sync_state: 'parked' });

    const unshared = { ...shared, sharedWithStructure: false, version: 2 };
    await pull(tombstone('offer', shared), entry('private_offer', unshared));
    expect(await local(shared.id)).toEqual({
      title: 'Mon intitulé',
      shared_with_structure: 0,
      sync_state: 'parked',
    });
    const [issue] = await engine.issues();
    // Still the platform's refusal, not "deleted on the platform".
    expect(issue).toMatchObject({ entityId: shared.id, message: 'Refusé pour le test.' });
  });

  it('keeps an author’s own offer between the tombstone and the entry, even across pages', async () => {
    const { engine } = scripted();
    await engine.applyServerRows(syncEntities.account, [me('gestionnaire')]);
    const mine = published(sampleOffer('a0000000-0000-4000-8000-000000000002'), 12);
    await pull(entry('offer', mine));
    await pull(tombstone('offer', mine));
    expect(await local(mine.id)).toMatchObject({ shared_with_structure: 1, sync_state: 'synced' });
    await pull(entry('private_offer', { ...mine, sharedWithStructure: false, version: 2 }));
    expect(await local(mine.id)).toMatchObject({ shared_with_structure: 0, sync_state: 'synced' });
  });

  it('drops from a gestionnaire’s desktop an offer of someone else that stops being shared', async () => {
    const { engine } = scripted();
    await engine.applyServerRows(syncEntities.account, [me('gestionnaire')]);
    const shared = theirs('a0000000-0000-4000-8000-000000000003');
    await pull(entry('offer', shared));
    expect(await local(shared.id)).toBeDefined();
    await pull(tombstone('offer', shared));
    expect(await local(shared.id)).toBeUndefined();
  });

  it('drops the unshared offers of others when the référent is demoted, but not edits never sent', async () => {
    const { engine } = scripted();
    await engine.applyServerRows(syncEntities.account, [me('referent')]);
    const hidden = theirs('a0000000-0000-4000-8000-000000000004', { sharedWithStructure: false });
    const edited = theirs('a0000000-0000-4000-8000-000000000005', { sharedWithStructure: false });
    const own = published(
      sampleOffer('a0000000-0000-4000-8000-000000000006', { sharedWithStructure: false }),
      6,
    );
    const shared = theirs('a0000000-0000-4000-8000-000000000007');
    await pull(
      entry('private_offer', hidden),
      entry('private_offer', edited),
      entry('private_offer', own),
      entry('offer', shared),
    );
    await engine.update(syncEntities.offer, edited.id, { title: 'Modifiée par la référente' });
    await pull();

    await pull(feed.entry('account', me('gestionnaire', 2)));
    expect(await local(hidden.id)).toBeUndefined();
    expect(await local(edited.id)).toMatchObject({
      title: 'Modifiée par la référente',
      sync_state: 'parked',
    });
    expect(await local(own.id)).toBeDefined();
    expect(await local(shared.id)).toBeDefined();

    // Once its author drops the change, the row goes too.
    const [issue] = await engine.issues();
    await engine.discard(issue!.id);
    expect(await local(edited.id)).toBeUndefined();
  });
});
