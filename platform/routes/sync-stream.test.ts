import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerCalls, offerFields } from '../offers/test-fixtures';
import { createPlatform } from '../server';
import { isPoke, openTestStream, type TestStream } from '../sync/stream-test-client';
import {
  expectProblem,
  freeSirets,
  newGestionnaire,
  newPendingMember,
  newReferent,
  usePlatform,
} from '../test-support';

const platform = usePlatform({ limits: { registrations: 10_000 }, streamHeartbeatMs: 200 });
const { call, addEmployer, createOffer, feed } = offerCalls(platform);
const nextSiret = freeSirets();

let baseUrl = '';
beforeAll(async () => {
  baseUrl = await platform().listen(0);
});

const opened: TestStream[] = [];
afterAll(() => opened.forEach((stream) => stream.close()));

async function stream(token: string, options: Parameters<typeof openTestStream>[2] = {}) {
  const opening = await openTestStream(baseUrl, token, options);
  opened.push(opening);
  expect(opening.status).toBe(200);
  return opening;
}

/** The last position of the feed this member sees. */
async function lastSeq(token: string): Promise<number> {
  return (await feed(token)).at(-1)?.seq ?? 0;
}

describe('GET /sync/stream refuses what it cannot serve', () => {
  it('asks for a token (401, problem+json)', async () => {
    const problem = expectProblem(await call('GET', '/sync/stream'), 401);
    expect(problem.detail ?? problem.title).toMatch(/jeton/i);
  });

  it('names the field of a bad cursor or Last-Event-ID (400)', async () => {
    const { token } = await newReferent(platform, nextSiret);
    const badCursor = expectProblem(await call('GET', '/sync/stream?cursor=hier', token), 400);
    expect(JSON.stringify(badCursor)).toContain('cursor');
    const badId = expectProblem(
      await call('GET', '/sync/stream', token, undefined, { 'last-event-id': '-3' }),
      400,
    );
    expect(JSON.stringify(badId)).toContain('Last-Event-ID');
  });

  it('gives a pending collaborator nothing until approved (403)', async () => {
    const referent = await newReferent(platform, nextSiret);
    const pending = await newPendingMember(platform, referent.siret);
    expect(expectProblem(await call('GET', '/sync/stream', pending.token), 403).code).toBe(
      'membership_pending',
    );
  });
});

describe('GET /sync/stream pokes the desktops whose feed grew', () => {
  it('opens with a comment, and a poke at once when the cursor is behind the feed', async () => {
    const referent = await newReferent(platform, nextSiret);
    const last = await lastSeq(referent.token);
    expect(last).toBeGreaterThan(0);

    const behind = await stream(referent.token, { cursor: 0 });
    expect(await behind.next()).toEqual({ kind: 'comment', text: 'ok' });
    expect(await behind.next(isPoke)).toEqual({ kind: 'poke', cursor: last, id: String(last) });

    // Last-Event-ID does as the cursor (what EventSource sends on reconnection).
    const resumed = await stream(referent.token, { lastEventId: '0' });
    expect(await resumed.next(isPoke)).toMatchObject({ cursor: last });
  });

  it('stays quiet for an up-to-date desktop, then pokes at the new entry', async () => {
    const referent = await newReferent(platform, nextSiret);
    const last = await lastSeq(referent.token);
    const upToDate = await stream(referent.token, { cursor: last });
    await upToDate.next((item) => item.kind === 'comment' && item.text === 'ok');

    const employer = await addEmployer(referent.token, nextSiret());
    const poke = await upToDate.next(isPoke);
    const arrived = await feed(referent.token, last);
    expect(arrived.map((c) => c.id)).toContain(employer.id);
    expect(poke).toMatchObject({ cursor: arrived.at(-1)!.seq });
    expect(upToDate.received().filter(isPoke)).toHaveLength(1);
  });

  it('tells the référent at once that someone asks to join', async () => {
    const referent = await newReferent(platform, nextSiret);
    const watching = await stream(referent.token, { cursor: await lastSeq(referent.token) });
    const before = await lastSeq(referent.token);
    const pending = await newPendingMember(platform, referent.siret);
    const poke = await watching.next(isPoke);
    const changes = await feed(referent.token, before);
    expect(changes.some((c) => c.entity === 'member' && c.id === pending.id)).toBe(true);
    expect(poke).toMatchObject({ cursor: changes.at(-1)!.seq });
  });

  it('keeps an unshared offer to its author and the référent, and each structure to itself', async () => {
    const referent = await newReferent(platform, nextSiret);
    const author = await newGestionnaire(platform, referent);
    const colleague = await newGestionnaire(platform, referent);
    const stranger = await newReferent(platform, nextSiret);
    const employer = await addEmployer(referent.token, nextSiret());
    const watch = async (token: string) => {
      const opening = await stream(token, { cursor: await lastSeq(token) });
      await opening.next((item) => item.kind === 'comment' && item.text === 'ok');
      return opening;
    };
    const [authorStream, referentStream, colleagueStream, strangerStream] = await Promise.all([
      watch(author.token),
      watch(referent.token),
      watch(colleague.token),
      watch(stranger.token),
    ]);

    await createOffer(author.token, offerFields(employer.id, { sharedWithStructure: false }));
    await authorStream.next(isPoke);
    await referentStream.next(isPoke);
    // A later heartbeat shows the other streams were open and heard nothing before it.
    await colleagueStream.next((item) => item.kind === 'comment' && item.text === 'heartbeat');
    await strangerStream.next((item) => item.kind === 'comment' && item.text === 'heartbeat');
    expect(colleagueStream.received().filter(isPoke)).toEqual([]);
    expect(strangerStream.received().filter(isPoke)).toEqual([]);
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const referent = await newReferent(platform, nextSiret);
    const quiet = await stream(referent.token, { cursor: await lastSeq(referent.token) });
    expect(await quiet.next((item) => item.kind === 'comment' && item.text === 'heartbeat')).toBeTruthy();
  });
});

describe('GET /sync/stream ends', () => {
  const shortLived = usePlatform({ limits: { registrations: 10_000 }, accessTokenTtlSeconds: 1 });
  const sirets = freeSirets();

  it('when the access token expires, so that rights are checked again at reconnection', async () => {
    const url = await shortLived().listen(0);
    const referent = await newReferent(shortLived, sirets);
    const opening = await openTestStream(url, referent.token, { cursor: 0 });
    opened.push(opening);
    await opening.next(isPoke);
    await opening.ended;
    expect(opening.received()[0]).toEqual({ kind: 'comment', text: 'ok' });
  });

  it('when the platform stops, which does not wait for the streams', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'platform-stream-'));
    try {
      const stopping = await createPlatform({ dataDir });
      const url = await stopping.listen(0);
      const referent = await newReferent(() => stopping, freeSirets());
      const opening = await openTestStream(url, referent.token, { cursor: 0 });
      await opening.next(isPoke);
      await stopping.close();
      await opening.ended;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
