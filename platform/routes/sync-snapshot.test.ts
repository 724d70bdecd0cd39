import { describe, expect, it } from 'vitest';
import {
  SNAPSHOT_CONTENT_TYPE,
  snapshotLineSchema,
  type Change,
  type SnapshotLine,
} from '../../shared/api/sync';
import { offerCalls, offerFields } from '../offers/test-fixtures';
import { planSnapshot, snapshotLines } from '../sync/snapshot-stream';
import type { FeedReader } from '../sync/visible-feed';
import {
  expectProblem,
  freeSirets,
  newGestionnaire,
  newPendingMember,
  newReferent,
  usePlatform,
} from '../test-support';

const platform = usePlatform({ limits: { registrations: 10_000 } });
const { call, addEmployer, createOffer, patchOffer, feed } = offerCalls(platform);
const nextSiret = freeSirets();

type RowLine = Extract<SnapshotLine, { kind: 'row' }>;

function parseLines(text: string): SnapshotLine[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => snapshotLineSchema.parse(JSON.parse(line)));
}

function snapshotCall(token: string | undefined, query = '') {
  return call('GET', `/sync/snapshot${query}`, token);
}

/** A whole snapshot stream: its header, rows and end line. */
async function snapshot(token: string, query = '') {
  const response = await snapshotCall(token, query);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe(SNAPSHOT_CONTENT_TYPE);
  const lines = parseLines(response.payload);
  const header = lines[0]!;
  const end = lines.at(-1)!;
  if (header.kind !== 'header' || end.kind !== 'end') throw new Error('en-tête ou fin absent');
  const rows = lines.slice(1, -1) as RowLine[];
  expect(rows.every((r) => r.kind === 'row')).toBe(true);
  expect(end).toEqual({ kind: 'end', cursor: header.cursor, rows: rows.length });
  return { header, rows, end };
}

const key = (r: { entity: string; id: string }) => `${r.entity}:${r.id}`;

/** The state a desktop holds: the snapshot's rows, then the feed applied over them. */
function stateOf(rows: RowLine[], changes: Change[]): Map<string, { version: number; data: unknown }> {
  const state = new Map<string, { version: number; data: unknown }>();
  for (const r of rows) state.set(key(r), { version: r.version, data: r.data });
  for (const c of changes) {
    if (c.deleted) state.delete(key(c));
    else state.set(key(c), { version: c.version, data: c.data });
  }
  return state;
}

/** The truth: the whole compacted feed from the start, tombstones left out. */
async function currentState(token: string) {
  return stateOf([], await feed(token, 0));
}

async function structureWithOffers(count: number) {
  const owner = await newReferent(platform, nextSiret);
  const employer = await addEmployer(owner.token, nextSiret());
  const offers = [];
  for (let i = 0; i < count; i++) {
    offers.push(await createOffer(owner.token, offerFields(employer.id, { title: `Offre ${i + 1}` })));
  }
  return { owner, employer, offers };
}

/** The reader as the route builds it, for the tests that drive the stream page by page. */
async function readerOf(userId: string): Promise<FeedReader> {
  const user = await platform()
    .db.selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return { user: user as FeedReader['user'], structureId: user.structure_id! };
}

describe('GET /sync/snapshot', () => {
  it('streams the live rows up to its cursor; with the feed since that cursor, it is the state', async () => {
    const { owner, offers } = await structureWithOffers(5);
    const { header, rows } = await snapshot(owner.token);
    const changes = await feed(owner.token, 0);
    expect(header.cursor).toBe(changes.at(-1)!.seq);
    expect(header.total).toBe(rows.length);
    // The feed's live rows, same seq, same data, same order.
    expect(rows).toEqual(
      changes
        .filter((c) => !c.deleted)
        .map((c) => ({
          kind: 'row',
          seq: c.seq,
          entity: c.entity,
          id: c.id,
          version: c.version,
          data: c.data,
        })),
    );
    expect(rows.filter((r) => r.entity === 'offer')).toHaveLength(5);

    // Changes after the snapshot come with the incremental feed from its cursor.
    const changed = await patchOffer(owner.token, offers[0]!, { title: 'Après l’instantané' });
    expect(changed.statusCode).toBe(200);
    const since = await feed(owner.token, header.cursor);
    expect(since.map(key)).toContain(`offer:${offers[0]!.id}`);
    expect(stateOf(rows, since)).toEqual(await currentState(owner.token));
  });

  it('loses nothing and duplicates nothing when rows change between two pages', async () => {
    const { owner, employer, offers } = await structureWithOffers(8);
    const reader = await readerOf(owner.id);
    const plan = await planSnapshot(platform().db, reader, { after: 0 });
    // Pages such that the first holds some offers and the second the last two.
    const stream = snapshotLines(platform().db, reader, plan, plan.total - 2);
    const chunks: string[] = [];
    // Header and first page.
    chunks.push((await stream.next()).value as string, (await stream.next()).value as string);
    const sent = parseLines(chunks.join('')).filter((l): l is RowLine => l.kind === 'row');
    expect(sent).toHaveLength(plan.total - 2);

    // Meanwhile: an offer already sent changes, one not yet sent changes, one is created.
    const already = offers[0]!;
    const notYet = offers.at(-1)!;
    expect(sent.some((r) => r.id === already.id)).toBe(true);
    expect(sent.some((r) => r.id === notYet.id)).toBe(false);
    expect((await patchOffer(owner.token, already, { positions: 2 })).statusCode).toBe(200);
    expect((await patchOffer(owner.token, notYet, { positions: 3 })).statusCode).toBe(200);
    const created = await createOffer(owner.token, offerFields(employer.id, { title: 'Nouvelle' }));

    for await (const chunk of stream) chunks.push(chunk);
    const lines = parseLines(chunks.join(''));
    const rows = lines.filter((l): l is RowLine => l.kind === 'row');
    expect(lines.at(-1)).toEqual({ kind: 'end', cursor: plan.cursor, rows: rows.length });
    // Every row at most once, none past the cursor; the changed one not yet sent left the stream.
    expect(new Set(rows.map(key)).size).toBe(rows.length);
    expect(rows.every((r) => r.seq <= plan.cursor)).toBe(true);
    expect(rows.map(key)).toContain(`offer:${already.id}`);
    expect(rows.map(key)).not.toContain(`offer:${notYet.id}`);
    expect(rows.map(key)).not.toContain(`offer:${created.id}`);
    expect(rows.length).toBeLessThan(plan.total);

    // The feed after the cursor brings all three, and the result is the state of now.
    const since = await feed(owner.token, plan.cursor);
    expect(since.map(key)).toEqual(
      expect.arrayContaining([`offer:${already.id}`, `offer:${notYet.id}`, `offer:${created.id}`]),
    );
    const state = stateOf(rows, since);
    expect(state).toEqual(await currentState(owner.token));
    expect(state.get(`offer:${already.id}`)?.version).toBe(2);
    expect(state.get(`offer:${notYet.id}`)?.version).toBe(2);
  });

  it('resumes after a cut with upTo and after, as of the same cursor', async () => {
    const { owner, offers } = await structureWithOffers(6);
    const whole = await snapshot(owner.token);
    const stored = whole.rows.slice(0, 4);
    // Something changes before the resumption: it leaves the snapshot, it will come with the feed.
    expect((await patchOffer(owner.token, offers.at(-1)!, { positions: 5 })).statusCode).toBe(200);
    const rest = await snapshot(owner.token, `?upTo=${whole.header.cursor}&after=${stored.at(-1)!.seq}`);
    expect(rest.header.cursor).toBe(whole.header.cursor);
    expect(rest.rows).toEqual(whole.rows.slice(4).filter((r) => r.id !== offers.at(-1)!.id));
    const since = await feed(owner.token, whole.header.cursor);
    expect(stateOf([...stored, ...rest.rows], since)).toEqual(await currentState(owner.token));
  });

  it('never takes a cursor past the structure’s last position', async () => {
    const { owner } = await structureWithOffers(1);
    const whole = await snapshot(owner.token);
    const beyond = await snapshot(owner.token, `?upTo=${whole.header.cursor + 1000}`);
    expect(beyond.header.cursor).toBe(whole.header.cursor);
    expect(beyond.rows).toEqual(whole.rows);
  });

  it('shows exactly what GET /sync/changes shows to each member, and nothing to a pending one', async () => {
    const owner = await newReferent(platform, nextSiret);
    const employer = await addEmployer(owner.token, nextSiret());
    const first = await newGestionnaire(platform, owner);
    const second = await newGestionnaire(platform, owner);
    await createOffer(first.token, offerFields(employer.id, { title: 'Partagée' }));
    const mine = await createOffer(
      first.token,
      offerFields(employer.id, { title: 'Privée', sharedWithStructure: false }),
    );
    for (const member of [owner, first, second]) {
      const { rows } = await snapshot(member.token);
      const live = (await feed(member.token, 0)).filter((c) => !c.deleted);
      expect(rows.map((r) => `${r.seq}:${key(r)}:${r.version}`)).toEqual(
        live.map((c) => `${c.seq}:${key(c)}:${c.version}`),
      );
    }
    const ids = async (token: string) => (await snapshot(token)).rows.map((r) => r.id);
    expect(await ids(first.token)).toContain(mine.id);
    expect(await ids(owner.token)).toContain(mine.id);
    expect(await ids(second.token)).not.toContain(mine.id);

    const pending = await newPendingMember(platform, owner.siret);
    const refused = expectProblem(await snapshotCall(pending.token), 403);
    expect(refused).toEqual(expectProblem(await call('GET', '/sync/changes', pending.token), 403));
    expect(refused.code).toBe('membership_pending');
    expect(expectProblem(await snapshotCall(undefined), 401).code).toBe('token_missing');
  });

  it('refuses a bad query with a French message naming the parameter', async () => {
    const owner = await newReferent(platform, nextSiret);
    for (const [query, field] of [
      ['?upTo=abc', 'upTo'],
      ['?after=-1', 'after'],
      ['?after=1.5', 'after'],
    ] as const) {
      const problem = expectProblem(await snapshotCall(owner.token, query), 400);
      expect(problem.errors?.[0]?.field, query).toBe(field);
      expect(problem.detail, query).toContain(`« ${field} »`);
    }
  });
});
