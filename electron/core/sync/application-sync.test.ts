import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/api/sync';
import type { Application } from '../../../shared/domain/applications';
import { OFFER_ID, sampleApplication } from '../../../tests/support/applications';
import {
  me,
  ok,
  published,
  refused,
  sampleOffer,
  SOMEONE_ELSE,
  useScriptedEngine,
  type Route,
} from '../../../tests/support/scripted-engine';
import type { Offer } from '../../../shared/domain/offers';
import { readApplicationDetails } from '../applications/local-applications';
import type { Exchange, RequestOptions } from '../platform/client';
import { syncEntities } from './entities';
import { TestFeed } from '../../../tests/support/feed';

// Applications through the sync engine, against a scripted platform: a reply goes to its own
// REST path, a reading to PATCH; several replies are written together or not at all; a reply
// the platform refuses (the candidate abandoned meanwhile) is kept and shown beside the
// platform's state; new applications are announced once per sync, never at the first pull.

const arrivals: Array<Partial<Record<string, number>>> = [];
const scripted = useScriptedEngine({ onArrivals: (counts) => arrivals.push(counts) });
const applications = syncEntities.application;

const A = 'a1000000-0000-4000-8000-000000000001';
const B = 'a1000000-0000-4000-8000-000000000002';
const C = 'a1000000-0000-4000-8000-000000000003';

const feed = new TestFeed();
const entry = (data: Application | Offer, entity = 'application'): Change => feed.entry(entity, data);
const tombstone = (data: Application | Offer, entity: string): Change => feed.tombstone(entity, data);
/** The feed, one page per call from where the desktop stands; other requests go to `push`. */
const platform = (pages: Change[][], push?: Route): Route => feed.route(pages, push);

/** The platform's answer to a reply: the application with its new status, one version up. */
function replied(application: Application, body: unknown): Exchange {
  const { status, replyMessage } = body as Pick<Application, 'status' | 'replyMessage'>;
  return ok({ ...application, status, replyMessage, version: application.version + 1 });
}

const problem = (status: number, code: string, detail: string): Exchange => {
  const answer = refused(status, detail) as Extract<Exchange, { kind: 'http' }>;
  return { ...answer, problem: { ...answer.problem!, code } };
};

const view = (id: string) =>
  scripted().store.read((tx) =>
    tx.first<{ status: string; reply_message: string | null; read_at: string | null; sync_state: string }>(
      sql`select status, reply_message, read_at, sync_state from application where id = ${id}`,
    ),
  );

/** The dashboard's tally against the rows themselves. */
async function expectTallyRight() {
  const [tally, rows] = await scripted().store.read((tx) => [
    tx.all(sql`select status, n from application_tally where n != 0 order by status`),
    tx.all(sql`select status, count(*) as n from application group by status order by status`),
  ]);
  expect(tally).toEqual(rows);
}

async function signedIn(...rows: Application[]) {
  const { engine } = scripted();
  await engine.applyServerRows(syncEntities.account, [me('gestionnaire')]);
  await engine.applyServerRows(applications, rows);
}

const sent = (requests: RequestOptions[]) =>
  requests.filter((r) => r.path !== '/sync/changes').map((r) => `${r.method} ${r.path}`);

describe('applications through the sync engine', () => {
  it('sends a reading to PATCH and a reply to POST …/reply, in order, each on the version before it', async () => {
    const { engine, requests, answer, outbox } = scripted();
    const application = sampleApplication(A, { version: 3 });
    await signedIn(application);

    const readAt = new Date().toISOString();
    await engine.update(applications, A, { readAt });
    await engine.update(applications, A, { status: 'recevable', replyMessage: 'Venez le 3 mars.' });
    expect(await view(A)).toMatchObject({ status: 'recevable', read_at: readAt, sync_state: 'pending' });
    const [reading, reply] = await outbox();

    let platformState = application;
    answer(
      platform([], (request) => {
        platformState = { ...platformState, ...(request.body as object), version: platformState.version + 1 };
        return ok(platformState);
      }),
    );
    await engine.runNow();
    expect(sent(requests)).toEqual([`PATCH /applications/${A}`, `POST /applications/${A}/reply`]);
    const [patch, post] = requests.filter((r) => r.path !== '/sync/changes');
    expect(patch).toMatchObject({
      body: { readAt },
      headers: { 'Idempotency-Key': reading!.id, 'If-Match': '"3"' },
    });
    expect(post).toMatchObject({
      body: { status: 'recevable', replyMessage: 'Venez le 3 mars.' },
      headers: { 'Idempotency-Key': reply!.id, 'If-Match': '"4"' },
    });
    expect(await view(A)).toMatchObject({ status: 'recevable', sync_state: 'synced' });
    expect(await outbox()).toEqual([]);
  });

  it('sends the decision with a new message even when the decision itself did not change', async () => {
    const { engine, requests, answer } = scripted();
    const application = sampleApplication(A, { status: 'recevable', replyMessage: 'Premier message.' });
    await signedIn(application);
    await engine.update(applications, A, { status: 'recevable', replyMessage: 'Nouvelle date : le 5.' });
    answer(platform([], (request) => replied(application, request.body)));
    await engine.runNow();
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({
      status: 'recevable',
      replyMessage: 'Nouvelle date : le 5.',
    });
  });

  it('writes several replies together, or none when one of them cannot be written', async () => {
    const { engine, outbox } = scripted();
    await signedIn(sampleApplication(A), sampleApplication(B, { number: 2 }));
    const reply = { status: 'refusee', replyMessage: 'Le poste est pourvu.' };

    const unknown = engine.updateMany(applications, [
      { id: A, patch: reply },
      { id: C, patch: reply },
    ]);
    await expect(unknown).rejects.toMatchObject({ code: 'not_found' });
    const refusedByGuard = engine.updateMany(applications, [{ id: A, patch: reply }], () => {
      throw new Error('changé entre-temps');
    });
    await expect(refusedByGuard).rejects.toThrow('changé entre-temps');
    expect(await outbox()).toEqual([]);
    expect(await view(A)).toMatchObject({ status: 'a_traiter', sync_state: 'synced' });

    await engine.updateMany(applications, [
      { id: A, patch: reply },
      { id: B, patch: reply },
    ]);
    expect((await outbox()).map((row) => row.entity_id)).toEqual([A, B]);
    expect(await view(B)).toMatchObject({ status: 'refusee', sync_state: 'pending' });
  });

  it('keeps a reply made offline until the platform has it', async () => {
    const { engine, answer, outbox } = scripted();
    await signedIn(sampleApplication(A));
    await engine.update(applications, A, {
      status: 'recevable',
      replyMessage: 'Appelez-nous au 05 56 00 00 00.',
    });
    await engine.runNow();
    expect(await view(A)).toMatchObject({ status: 'recevable', sync_state: 'pending' });
    expect(await outbox()).toMatchObject([{ state: 'pending', attempts: 1 }]);

    answer(platform([], (request) => replied(sampleApplication(A), request.body)));
    await engine.syncNow();
    expect(await view(A)).toMatchObject({ status: 'recevable', sync_state: 'synced' });
    expect(await outbox()).toEqual([]);
  });

  it('keeps a reply to an application abandoned meanwhile, shows the platform’s state beside it, and gives it back once discarded', async () => {
    const { engine, answer, outbox } = scripted();
    const received = sampleApplication(A);
    await signedIn(received);
    const initial = entry(received);
    answer(platform([[initial]]));
    await engine.runNow();

    // Offline, staff reply; meanwhile the candidate deletes the profile.
    await engine.update(applications, A, { status: 'recevable', replyMessage: 'Venez le 3 mars.' });
    const abandoned: Application = {
      ...received,
      status: 'abandonnee',
      abandonReason: 'Le candidat a supprimé son profil.',
      profile: null,
      message: null,
      version: 2,
    };
    const detail = 'Le candidat a abandonné cette candidature : votre réponse ne peut plus lui être envoyée.';
    answer(platform([[initial], [entry(abandoned)]], () => problem(409, 'application_abandoned', detail)));
    await engine.syncNow();

    // Nothing lost: my reply stays, refused, with the platform's reason and status.
    expect(await view(A)).toMatchObject({ status: 'recevable', sync_state: 'parked' });
    const details = await readApplicationDetails(scripted().store, A, new Date());
    expect(details).toMatchObject({
      status: 'recevable',
      replyMessage: 'Venez le 3 mars.',
      profile: null,
      abandonReason: 'Le candidat a supprimé son profil.',
      platformStatus: 'abandonnee',
      refusal: detail,
      syncState: 'parked',
    });
    const [issue] = await engine.issues();
    expect(issue).toMatchObject({ entity: 'application', entityId: A, state: 'parked', message: detail });

    // A reading goes to another request: it waits behind the refused reply instead of amending it.
    await engine.update(applications, A, { readAt: new Date().toISOString() });
    expect((await outbox()).map((row) => row.state)).toEqual(['parked', 'pending']);
    expect(JSON.parse((await outbox())[0]!.payload)).toEqual({
      status: 'recevable',
      replyMessage: 'Venez le 3 mars.',
    });

    await engine.discard(issue!.id);
    expect(await readApplicationDetails(scripted().store, A, new Date())).toMatchObject({
      status: 'abandonnee',
      replyMessage: null,
      platformStatus: null,
      refusal: null,
    });
    await expectTallyRight();
  });

  it('takes a colleague’s earlier reading over mine without a conflict', async () => {
    const { engine, answer, outbox } = scripted();
    const application = sampleApplication(A);
    await signedIn(application);
    await engine.update(applications, A, { readAt: new Date().toISOString() });
    const theirs = {
      ...application,
      readAt: '2026-03-01T08:00:00.000Z',
      readBy: 'Julien Etchart',
      version: 2,
    };
    answer(
      platform([], () => ({
        kind: 'http',
        status: 412,
        message: 'Modifiée entre-temps.',
        problem: {
          type: 'about:blank',
          title: 'Modifiée',
          status: 412,
          detail: 'Modifiée entre-temps.',
          current: theirs,
        },
        retryAfterMs: undefined,
      })),
    );
    await engine.runNow();
    expect(await outbox()).toEqual([]);
    expect(await view(A)).toMatchObject({ read_at: theirs.readAt, sync_state: 'synced' });
  });

  it('announces new applications to process once per sync, never those of the first pull', async () => {
    const { engine, answer } = scripted();
    await signedIn();
    arrivals.length = 0;
    const history = entry(sampleApplication(A));
    answer(platform([[history]]));
    await engine.runNow();
    expect(arrivals).toEqual([]);

    // Two pages in one run: two new "A traiter", one new already answered, one known that changed.
    const pages = [
      [history],
      [entry(sampleApplication(B, { number: 2 })), entry({ ...sampleApplication(A), version: 2 })],
      [
        entry(sampleApplication(C, { number: 3 }), 'private_application'),
        entry(sampleApplication('a1000000-0000-4000-8000-000000000004', { number: 4, status: 'recevable' })),
      ],
    ];
    answer(platform(pages));
    await engine.runNow();
    expect(arrivals).toEqual([{ application: 2 }]);

    // Nothing new: nothing announced.
    await engine.runNow();
    expect(arrivals).toHaveLength(1);
  });

  describe('follow their offer’s sharing', () => {
    const offer = published(sampleOffer(OFFER_ID, { createdBy: SOMEONE_ELSE }), 12);
    const unshared = { ...offer, sharedWithStructure: false, version: 2 };

    async function pulled(role: 'referent' | 'gestionnaire', ...changes: Change[]) {
      const { engine, answer } = scripted();
      await engine.applyServerRows(syncEntities.account, [me(role)]);
      answer(platform([changes], () => refused(403, 'Refusé pour le test.')));
      await engine.runNow();
    }

    it('leave a gestionnaire’s desktop when the offer of someone else stops being shared', async () => {
      const { engine, answer } = scripted();
      await pulled('gestionnaire', entry(offer, 'offer'), entry(sampleApplication(A)));
      expect(await view(A)).toBeDefined();
      answer(platform([[tombstone(offer, 'offer'), tombstone(sampleApplication(A), 'application')]]));
      await engine.runNow();
      expect(await view(A)).toBeUndefined();
      await expectTallyRight();
    });

    it('stay on the référent’s desktop, with a reply not sent yet, when they move to the private feed', async () => {
      const { engine, answer } = scripted();
      const application = sampleApplication(A);
      await pulled('referent', entry(offer, 'offer'), entry(application));
      await engine.update(applications, A, { status: 'refusee', replyMessage: 'Le poste est pourvu.' });
      answer(
        platform(
          [
            [
              tombstone(offer, 'offer'),
              entry(unshared, 'private_offer'),
              tombstone(application, 'application'),
              entry({ ...application, version: 2 }, 'private_application'),
            ],
          ],
          () => refused(422, 'Refusé pour le test.'),
        ),
      );
      await engine.runNow();
      expect(await view(A)).toMatchObject({ status: 'refusee', sync_state: 'parked' });
      // Refused for the test's reason, not "deleted on the platform".
      expect(await engine.issues()).toMatchObject([{ entityId: A, message: 'Refusé pour le test.' }]);
    });

    it('leave a demoted référent’s desktop, except those with a reply never sent', async () => {
      const { engine, answer } = scripted();
      await pulled(
        'referent',
        entry(unshared, 'private_offer'),
        entry(sampleApplication(A), 'private_application'),
        entry(sampleApplication(B, { number: 2 }), 'private_application'),
      );
      await engine.update(applications, B, { status: 'recevable', replyMessage: 'Venez le 3 mars.' });
      const demoted = feed.entry('account', me('gestionnaire', 2));
      answer(platform([[demoted]], () => refused(404, 'Candidature introuvable.')));
      await engine.runNow();
      expect(await view(A)).toBeUndefined();
      expect(await view(B)).toMatchObject({ status: 'recevable', sync_state: 'parked' });
      await expectTallyRight();

      const [issue] = await engine.issues();
      await engine.discard(issue!.id);
      expect(await view(B)).toBeUndefined();
      await expectTallyRight();
    });
  });
});
