import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Favorite } from '../../../shared/domain/profiles';
import {
  me,
  ok,
  refused,
  unreachable,
  useScriptedEngine,
  type Route,
} from '../../../tests/support/scripted-engine';
import { sampleApplication } from '../../../tests/support/applications';
import type { Exchange } from '../platform/client';
import { searchEverything } from '../search/global-search';
import { cacheProfile, findCachedProfile } from '../profiles/cache';
import {
  sampleAlert,
  sampleContact,
  sampleFavorite,
  sampleProfile,
  withdrawn,
} from '../../../tests/support/profiles';
import { syncEntities } from './entities';
import { TestFeed } from '../../../tests/support/feed';

// Favourites, contacts and alerts through the sync engine, against a scripted platform: a
// favourite is PUT to its profile's path and DELETEd from it, a contact POSTed under its
// profile, an alert's dismissal PATCHed. A deletion made here goes at once and is sent later;
// it cancels a creation that never left, and adding the row again cancels a deletion that never left.

const scripted = useScriptedEngine();
const favorites = syncEntities.favorite;
const feed = new TestFeed();

const profile = sampleProfile();
/** The platform's favourite, added by a colleague. */
const theirs = sampleFavorite(profile);
/** The favourite as this desktop makes it before the platform has it. */
const mine: Favorite = { ...theirs, addedBy: 'Claire Lacoste', version: 0 };

const sent = () => scripted().requests.filter((r) => r.path !== '/sync/changes');
const favoriteRow = () =>
  scripted().store.read((tx) =>
    tx.first<{ added_by: string; sync_state: string }>(
      sql`select added_by, sync_state from favorite where id = ${profile.id}`,
    ),
  );
const operations = async () => (await scripted().outbox()).map((row) => row.operation);

/** The platform: the favourite's PUT answers it, version 1; its DELETE answers 204. */
const favoritePlatform: Route = (request) => {
  if (request.method === 'PUT') return ok({ ...theirs, addedBy: 'Claire Lacoste' });
  if (request.method === 'DELETE') return ok('');
  return unreachable;
};

/** A member of the structure (the feed is pulled for members only) with the platform's favourite. */
async function synced(): Promise<void> {
  await member();
  await scripted().engine.applyServerRows(favorites, [theirs]);
}

async function member(): Promise<void> {
  await scripted().engine.applyServerRows(syncEntities.account, [me('gestionnaire')]);
}

describe('creations chosen by entity', () => {
  it('PUTs a favourite to its profile’s path with an empty body, without If-Match', async () => {
    const { engine, answer } = scripted();
    await engine.create(favorites, mine, {});
    answer(favoritePlatform);
    await engine.runNow();
    expect(sent()).toMatchObject([{ method: 'PUT', path: `/favorites/${profile.id}`, body: {} }]);
    expect(sent()[0]!.headers).toEqual({ 'Idempotency-Key': expect.any(String) });
    expect(await favoriteRow()).toEqual({ added_by: 'Claire Lacoste', sync_state: 'synced' });
    expect(await operations()).toEqual([]);
  });

  it('POSTs a contact under its profile with its id, offer and message', async () => {
    const { engine, answer } = scripted();
    const contact = sampleContact('c2000000-0000-4000-8000-000000000001', profile, { version: 0 });
    const payload = { profileId: profile.id, offerId: contact.offerId, message: contact.message };
    await engine.create(syncEntities.contact, contact, payload);
    answer(() => ok({ ...contact, version: 1 }));
    await engine.runNow();
    expect(sent()).toMatchObject([
      {
        method: 'POST',
        path: `/profiles/${profile.id}/contact`,
        body: { id: contact.id, offerId: contact.offerId, message: contact.message },
      },
    ]);
    expect(await operations()).toEqual([]);
  });
});

describe('deletions made here', () => {
  it('remove the row at once, then DELETE it with an Idempotency-Key (204 or 404: done)', async () => {
    for (const answerOfDelete of [ok(''), refused(404, 'Favori introuvable.')]) {
      const { engine, answer, outbox } = scripted();
      await synced();
      await engine.remove(favorites, profile.id);
      expect(await favoriteRow()).toBeUndefined();
      const [deletion] = await outbox();
      expect(deletion).toMatchObject({ operation: 'delete', entity_id: profile.id, state: 'pending' });

      answer((request) => (request.method === 'DELETE' ? answerOfDelete : unreachable));
      await engine.runNow();
      expect(sent().at(-1)).toMatchObject({ method: 'DELETE', path: `/favorites/${profile.id}` });
      expect(sent().at(-1)!.headers).toEqual({ 'Idempotency-Key': deletion!.id });
      expect(await outbox()).toEqual([]);
      expect(await favoriteRow()).toBeUndefined();
      // A second removal of a row not here does nothing.
      await engine.remove(favorites, profile.id);
      expect(await outbox()).toEqual([]);
      await engine.applyServerRows(favorites, [], [profile.id]);
    }
  });

  it('cancel a creation that never left: nothing is sent at all', async () => {
    const { engine, answer } = scripted();
    await engine.create(favorites, mine, {});
    await engine.remove(favorites, profile.id);
    expect(await operations()).toEqual([]);
    expect(await favoriteRow()).toBeUndefined();
    answer(favoritePlatform);
    await engine.runNow();
    expect(sent()).toEqual([]);
  });

  it('keep a creation on its way, and send the deletion after it', async () => {
    const { engine, answer } = scripted();
    await engine.create(favorites, mine, {});
    let reply!: (exchange: Exchange) => void;
    let arrived!: () => void;
    const onTheWay = new Promise<void>((resolve) => (arrived = resolve));
    answer((request) => {
      if (request.method === 'DELETE') return ok('');
      arrived();
      return new Promise<Exchange>((resolve) => (reply = resolve));
    });
    const run = engine.runNow();
    await onTheWay;
    await engine.remove(favorites, profile.id);
    expect(await favoriteRow()).toBeUndefined();
    reply(ok({ ...theirs, addedBy: 'Claire Lacoste' }));
    await run;
    // The acknowledgement did not bring the row back; the deletion followed it.
    expect(sent().map((r) => r.method)).toEqual(['PUT', 'DELETE']);
    expect(await favoriteRow()).toBeUndefined();
    expect(await operations()).toEqual([]);
  });

  it('are cancelled by adding the row again before they leave: the platform’s row comes back', async () => {
    const { engine, answer } = scripted();
    await synced();
    await engine.remove(favorites, profile.id);
    await engine.create(favorites, mine, {});
    expect(await operations()).toEqual([]);
    expect(await favoriteRow()).toEqual({ added_by: 'Camille Martin', sync_state: 'synced' });
    answer(favoritePlatform);
    await engine.runNow();
    expect(sent()).toEqual([]);
  });

  it('that may have reached the platform go first when the row is added again', async () => {
    const { engine, answer } = scripted();
    await synced();
    await engine.remove(favorites, profile.id);
    await engine.runNow(); // unreachable: the deletion was tried
    await engine.create(favorites, mine, {});
    expect(await operations()).toEqual(['delete', 'create']);
    expect(await favoriteRow()).toEqual({ added_by: 'Claire Lacoste', sync_state: 'pending' });

    answer(favoritePlatform);
    await engine.syncNow();
    expect(sent().map((r) => r.method)).toEqual(['DELETE', 'DELETE', 'PUT']);
    expect(await favoriteRow()).toEqual({ added_by: 'Claire Lacoste', sync_state: 'synced' });
    expect(await operations()).toEqual([]);
  });

  it('that may have reached the platform stay when the row added again is removed again', async () => {
    const { engine, answer } = scripted();
    await synced();
    await engine.remove(favorites, profile.id);
    await engine.runNow(); // unreachable: the deletion was tried
    await engine.create(favorites, mine, {});
    await engine.remove(favorites, profile.id);
    // The creation never left: it goes, and only it; the deletion that was tried stays.
    expect(await operations()).toEqual(['delete']);
    expect(await favoriteRow()).toBeUndefined();

    // Refused after all: discarding it brings the platform's row back (its shadow was kept).
    answer(() => refused(403, 'Vous ne pouvez pas retirer ce favori.'));
    await engine.syncNow();
    expect(sent().map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
    const [issue] = await engine.issues();
    await engine.discard(issue!.id);
    expect(await favoriteRow()).toEqual({ added_by: 'Camille Martin', sync_state: 'synced' });
  });

  it('settled by the row’s tombstone leave a deletion made after it was added again to be sent', async () => {
    const { engine, answer, store } = scripted();
    await synced();
    await engine.remove(favorites, profile.id);
    await engine.runNow(); // unreachable: the deletion was tried
    await engine.create(favorites, mine, {});
    // The creation may have reached the platform as well (tried): removing the row again
    // queues a deletion after it.
    await store.write((tx) => tx.run(sql`update outbox set attempts = 1 where operation = 'create'`));
    await engine.remove(favorites, profile.id);
    expect(await operations()).toEqual(['delete', 'create', 'delete']);

    // The tombstone the first deletion made: it settles that deletion, not the last one.
    await engine.applyServerRows(favorites, [], [profile.id]);
    expect(await operations()).toEqual(['create', 'delete']);
    expect(await favoriteRow()).toBeUndefined();
    answer(favoritePlatform);
    await engine.syncNow();
    expect(sent().map((r) => r.method)).toEqual(['DELETE', 'PUT', 'DELETE']);
    expect(await operations()).toEqual([]);
    // The user's last action stands: the favourite is removed.
    expect(await favoriteRow()).toBeUndefined();
  });

  it('refused, are parked; discarding one brings the platform’s row back', async () => {
    const { engine, answer } = scripted();
    await synced();
    await engine.remove(favorites, profile.id);
    answer(() => refused(403, 'Vous ne pouvez pas retirer ce favori.'));
    await engine.runNow();
    expect(await favoriteRow()).toBeUndefined();
    const [issue] = await engine.issues();
    expect(issue).toMatchObject({
      entity: 'favorite',
      state: 'parked',
      message: 'Vous ne pouvez pas retirer ce favori.',
    });
    await engine.discard(issue!.id);
    expect(await favoriteRow()).toEqual({ added_by: 'Camille Martin', sync_state: 'synced' });
  });

  it('keep the row away while a pull brings it, and are settled by its tombstone', async () => {
    const { engine, answer } = scripted();
    await synced();
    await engine.remove(favorites, profile.id);
    // Refused for now (it waits, parked), while the feed brings a colleague's version of the row.
    const refusal = () => refused(409, 'Refusé pour le test.');
    answer(feed.route([[feed.entry('favorite', { ...theirs, version: 2 })]], refusal));
    await engine.runNow();
    expect(await favoriteRow()).toBeUndefined();
    expect(await operations()).toEqual(['delete']);

    answer(feed.route([[feed.tombstone('favorite', theirs)]], refusal));
    await engine.syncNow();
    expect(await operations()).toEqual([]);
    expect(await engine.issues()).toEqual([]);
  });
});

describe('profiles carried by favourites and alerts', () => {
  it('are kept as they pass, and stay through their favourite’s and alert’s tombstones', async () => {
    const { engine, answer, store } = scripted();
    await member();
    const alert = sampleAlert('a4000000-0000-4000-8000-000000000001', profile);
    answer(feed.route([[feed.entry('favorite', theirs), feed.entry('private_alert', alert)]]));
    await engine.runNow();
    expect(await store.read((tx) => findCachedProfile(tx, profile.id))).toEqual(profile);
    const rowid = () =>
      store.read((tx) =>
        tx.first<{ rowid: number }>(sql`select rowid from profile where id = ${profile.id}`),
      );
    const before = await rowid();

    // A colleague removed the favourite, the alert moved with its offer's sharing, then went:
    // none of it says anything of the profile, which stays as it was (same row, same words).
    answer(feed.route([[feed.tombstone('favorite', theirs)]]));
    await engine.runNow();
    answer(
      feed.route([[feed.tombstone('private_alert', alert), feed.entry('alert', { ...alert, version: 2 })]]),
    );
    await engine.runNow();
    expect(await rowid()).toEqual(before);
    answer(feed.route([[feed.tombstone('alert', { ...alert, version: 2 })]]));
    await engine.runNow();
    expect(await store.read((tx) => findCachedProfile(tx, profile.id))).toEqual(profile);
    expect(await rowid()).toEqual(before);
    expect(
      await store.read((tx) => searchEverything(tx, 'laborde', 5).groups.map((group) => group.kind)),
    ).toEqual(['profile']);
  });

  it('leave with an application the candidate deleted', async () => {
    const { engine, store } = scripted();
    const application = sampleApplication('a5000000-0000-4000-8000-000000000001');
    await engine.applyServerRows(syncEntities.application, [application]);
    const applicant = application.profile!;
    expect(await store.read((tx) => findCachedProfile(tx, applicant.id))).toMatchObject({
      firstName: 'Émilie',
      level: 3,
      createdAt: application.receivedAt,
    });
    // A fuller description is kept over the application's snapshot.
    await store.write((tx) => cacheProfile(tx, sampleProfile(applicant.id, { firstName: 'Émilie' })));
    await engine.applyServerRows(syncEntities.application, [{ ...application, version: 2 }]);
    expect(await store.read((tx) => findCachedProfile(tx, applicant.id))).toMatchObject({
      createdAt: '2026-02-01T09:00:00.000Z',
    });

    await engine.applyServerRows(syncEntities.application, [withdrawn(application, 3)]);
    expect(await store.read((tx) => findCachedProfile(tx, applicant.id))).toBeUndefined();
  });

  it('stay when an older version of their application comes without the profile after a newer one', async () => {
    const { engine, store } = scripted();
    const application = sampleApplication('a5000000-0000-4000-8000-000000000002', { version: 3 });
    await engine.applyServerRows(syncEntities.application, [application]);
    const applicant = application.profile!;
    // An older page (refused by the version guard) cannot take the profile the newer row has.
    await engine.applyServerRows(syncEntities.application, [withdrawn(application, 2)]);
    expect(await store.read((tx) => findCachedProfile(tx, applicant.id))).toMatchObject({
      firstName: 'Émilie',
    });
    expect(
      await store.read((tx) => searchEverything(tx, 'darrigrand', 5).groups.map((group) => group.kind)),
    ).toEqual(['application', 'profile']);
  });
});

describe('an alert’s dismissal', () => {
  const alert = sampleAlert('a4000000-0000-4000-8000-000000000002', profile);

  it('is PATCHed on the alert’s version, and shown at once', async () => {
    const { engine, answer, store } = scripted();
    await engine.applyServerRows(syncEntities.alert, [alert]);
    await engine.update(syncEntities.alert, alert.id, { dismissed: true }, { dismissedBy: 'Claire Lacoste' });
    expect(
      await store.read((tx) => tx.first(sql`select dismissed, dismissed_by, sync_state from alert`)),
    ).toEqual({
      dismissed: 1,
      dismissed_by: 'Claire Lacoste',
      sync_state: 'pending',
    });
    answer(() => ok({ ...alert, dismissed: true, dismissedBy: 'Claire Lacoste', version: 2 }));
    await engine.runNow();
    expect(sent()).toMatchObject([
      {
        method: 'PATCH',
        path: `/alerts/${alert.id}`,
        body: { dismissed: true },
        headers: { 'If-Match': '"1"' },
      },
    ]);
    expect(await scripted().outbox()).toEqual([]);
  });

  it('is not parked when the platform drops the alert meanwhile: its 404 settles it', async () => {
    const { engine, answer } = scripted();
    await member();
    await engine.applyServerRows(syncEntities.alert, [alert]);
    await engine.update(syncEntities.alert, alert.id, { dismissed: true });
    answer(feed.route([[feed.tombstone('alert', alert)]], () => refused(409, 'Refusé pour le test.')));
    await engine.runNow();
    expect(await engine.issues()).toMatchObject([{ message: 'Refusé pour le test.' }]);
    answer(feed.route([[feed.tombstone('alert', alert)]], () => refused(404, 'Alerte introuvable.')));
    await engine.resend((await engine.issues())[0]!.id);
    await engine.runNow();
    expect(await scripted().outbox()).toEqual([]);
    expect(await engine.issues()).toEqual([]);
  });

  it('still applies when the alert moves with its offer’s sharing', async () => {
    const { engine, answer, store } = scripted();
    await engine.applyServerRows(syncEntities.alert, [alert]);
    await engine.update(syncEntities.alert, alert.id, { dismissed: true });
    // The pull of a move: the tombstone of `alert`, then the entry of `private_alert`.
    const moved = { ...alert, version: 2 };
    await engine.applyServerRows(syncEntities.alert, [], [alert.id]);
    await engine.applyServerRows(syncEntities.alert, [moved]);
    const dismissed = () => store.read((tx) => tx.first(sql`select dismissed, sync_state from alert`));
    expect(await dismissed()).toEqual({ dismissed: 1, sync_state: 'pending' });

    const stale = refused(412, 'Modifiée entre-temps.') as Extract<Exchange, { kind: 'http' }>;
    answer((request) =>
      request.headers?.['If-Match'] === '"2"'
        ? ok({ ...moved, dismissed: true, version: 3 })
        : { ...stale, problem: { ...stale.problem!, current: moved } },
    );
    await engine.runNow();
    expect(sent().map((r) => r.headers?.['If-Match'])).toEqual(['"1"', '"2"']);
    expect(await dismissed()).toEqual({ dismissed: 1, sync_state: 'synced' });
  });
});
