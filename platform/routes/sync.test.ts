import { describe, expect, it } from 'vitest';
import { changesPageSchema, type Change, type ChangesPage } from '../../shared/api/sync';
import { memberSchema, userSchema, type User } from '../../shared/domain/account';
import { alertSchema } from '../../shared/domain/alerts';
import { applicationSchema } from '../../shared/domain/applications';
import { employerSchema } from '../../shared/domain/employers';
import { offerSchema } from '../../shared/domain/offers';
import { contactSchema, favoriteSchema } from '../../shared/domain/profiles';
import { structureSchema, type Structure } from '../../shared/domain/structure';
import type { z } from '../../shared/zod';
import { DEMO_CFA_SIRET } from '../seed/directory';
import { DEMO_GESTIONNAIRE, DEMO_PENDING, DEMO_REFERENT } from '../seed/demo';
import { recordUser } from '../sync/log';
import { apiCaller, expectProblem, freeSirets, newSignedInAccount, usePlatform } from '../test-support';

const PASSWORD = 'Alternance-2026';

// Many accounts are created here: lift the per-address registration limit.
const platform = usePlatform({ seed: 'demo', limits: { registrations: 10_000 } });

const call = apiCaller(platform);

async function login(mail: string, password: string): Promise<{ token: string; user: User }> {
  const response = await call('POST', '/auth/login', undefined, { mail, password });
  expect(response.statusCode).toBe(200);
  const body = response.json();
  return { token: body.accessToken, user: userSchema.parse(body.user) };
}

/** A new account, signed in, attached to no structure. */
async function signedInUser(): Promise<{ token: string; user: User }> {
  return newSignedInAccount(platform(), PASSWORD);
}

/** Open establishments no test has attached yet (the demo seed registered some already). */
const nextFreeSiret = freeSirets();

/** A new account attached (as référent) to a new structure. */
async function referent(
  siret = nextFreeSiret(),
): Promise<{ token: string; userId: string; structure: Structure }> {
  const { token, user } = await signedInUser();
  const created = await call('POST', '/structure', token, { siret });
  expect(created.statusCode).toBe(201);
  return { token, userId: user.id, structure: structureSchema.parse(created.json().structure) };
}

/**
 * A second member of `structureId`, as an administrator would add them: a registered account
 * attached as gestionnaire, its change recorded in the same transaction.
 */
async function gestionnaire(structureId: string): Promise<{ token: string; userId: string }> {
  const { token, user } = await signedInUser();
  await platform()
    .db.transaction()
    .execute(async (trx) => {
      const now = new Date().toISOString();
      const row = await trx
        .updateTable('users')
        .set((eb) => ({
          structure_id: structureId,
          structure_joined_at: now,
          role: 'gestionnaire',
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', user.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordUser(trx, row);
    });
  return { token, userId: user.id };
}

const getStructure = async (token: string) =>
  structureSchema.parse((await call('GET', '/structure', token)).json());
const getMe = async (token: string) => userSchema.parse((await call('GET', '/me', token)).json());

function changes(token: string | undefined, query: Record<string, string | number> = {}) {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return call('GET', `/sync/changes${search.size ? `?${search}` : ''}`, token);
}

async function page(token: string, query: Record<string, string | number> = {}): Promise<ChangesPage> {
  const response = await changes(token, query);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return changesPageSchema.parse(response.json());
}

/** The whole feed from the start, following cursors. */
async function feed(token: string): Promise<Change[]> {
  const all: Change[] = [];
  let since = 0;
  for (;;) {
    const p = await page(token, { since });
    all.push(...p.changes);
    if (!p.hasMore) return all;
    since = p.cursor;
  }
}

const entitySchemas: Record<string, z.ZodType> = {
  structure: structureSchema,
  account: userSchema,
  member: memberSchema,
  employer: employerSchema,
  offer: offerSchema,
  private_offer: offerSchema,
  application: applicationSchema,
  private_application: applicationSchema,
  favorite: favoriteSchema,
  contact: contactSchema,
  private_contact: contactSchema,
  alert: alertSchema,
  private_alert: alertSchema,
};

/** Every entry's data is a valid entity of its kind (and tombstones carry none). */
function expectWellFormed(entries: Change[]) {
  for (const change of entries) {
    const schema = entitySchemas[change.entity];
    expect(schema, `entité inconnue ${change.entity}`).toBeDefined();
    if (change.deleted) {
      expect(change.data).toBeNull();
      continue;
    }
    const data = schema!.parse(change.data) as { id: string; version: number };
    expect(data.id).toBe(change.id);
    expect(data.version).toBe(change.version);
  }
}

const keyOf = (c: Pick<Change, 'entity' | 'id'>) => `${c.entity}:${c.id}`;

async function storedKeys(key: string) {
  return platform().db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).execute();
}

async function lastSeq(structureId: string): Promise<number> {
  const row = await platform()
    .db.selectFrom('structure_sequences')
    .select('last_seq')
    .where('structure_id', '=', structureId)
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

let keyCounter = 0;
const newKey = () => `test-key-${++keyCounter}`;

// ---------------------------------------------------------------------------------------------

interface Resource {
  name: string;
  url: string;
  /** A signed-in owner of the resource and its current state. */
  setup(): Promise<{ token: string; current: { version: number } }>;
  get(token: string): Promise<{ version: number }>;
  schema: z.ZodType<{ version: number }>;
  change: Record<string, unknown>;
  otherChange: Record<string, unknown>;
}

const resources: Resource[] = [
  {
    name: 'PATCH /structure',
    url: '/structure',
    async setup() {
      const { token, structure } = await referent();
      return { token, current: structure };
    },
    get: getStructure,
    schema: structureSchema,
    change: { tradeName: 'CFA des Landes' },
    otherChange: { tradeName: 'CFA du Béarn' },
  },
  {
    name: 'PATCH /me',
    url: '/me',
    async setup() {
      const { token, user } = await signedInUser();
      return { token, current: user };
    },
    get: getMe,
    schema: userSchema,
    change: { firstName: 'Camille' },
    otherChange: { firstName: 'Dominique' },
  },
];

describe.each(resources)('$name: If-Match', (resource) => {
  const patch = (token: string, body: unknown, headers: Record<string, string> = {}) =>
    call('PATCH', resource.url, token, body, headers);

  it('answers 428 if_match_required without If-Match and changes nothing', async () => {
    const { token } = await resource.setup();
    const before = await resource.get(token);
    const problem = expectProblem(await patch(token, resource.change), 428);
    expect(problem.code).toBe('if_match_required');
    expect(await resource.get(token)).toEqual(before);
  });

  it.each(['latest', '"v1"', '1.5', '-1', ''])(
    'answers 400 if_match to the malformed If-Match %j',
    async (ifMatch) => {
      const { token } = await resource.setup();
      const before = await resource.get(token);
      const problem = expectProblem(await patch(token, resource.change, { 'if-match': ifMatch }), 400);
      expect(problem.code).toBe('if_match');
      expect(await resource.get(token)).toEqual(before);
    },
  );

  it('answers 412 to a stale If-Match with the current resource, and changes nothing', async () => {
    const { token, current } = await resource.setup();
    const v = current.version;
    const applied = await patch(token, resource.change, { 'if-match': `"${v}"` });
    expect(applied.statusCode).toBe(200);
    const now = await resource.get(token);
    expect(now.version).toBe(v + 1);

    for (const stale of [`"${v}"`, `${v}`, `"${v + 5}"`]) {
      const problem = expectProblem(await patch(token, resource.otherChange, { 'if-match': stale }), 412);
      expect(problem.code).toBe('version_mismatch');
      expect(resource.schema.parse(problem.current)).toEqual(now);
      expect(await resource.get(token)).toEqual(now);
    }
  });

  it('applies the change with the right If-Match, answering the new version as ETag', async () => {
    const { token, current } = await resource.setup();
    const v = current.version;
    const response = await patch(token, resource.change, { 'if-match': `"${v}"` });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe(`"${v + 1}"`);
    const body = resource.schema.parse(response.json());
    expect(body).toMatchObject({ ...resource.change, version: v + 1 });
    expect(await resource.get(token)).toEqual(body);

    // The bare and weak forms of the version are accepted as well.
    const bare = await patch(token, resource.otherChange, { 'if-match': `${v + 1}` });
    expect(bare.statusCode).toBe(200);
    expect(bare.headers.etag).toBe(`"${v + 2}"`);
    const weak = await patch(token, resource.change, { 'if-match': `W/"${v + 2}"` });
    expect(weak.statusCode).toBe(200);
    expect(weak.headers.etag).toBe(`"${v + 3}"`);
  });
});

describe.each(resources)('$name: Idempotency-Key', (resource) => {
  const patch = (token: string, body: unknown, ifMatch: number, key: string) =>
    call('PATCH', resource.url, token, body, { 'if-match': `"${ifMatch}"`, 'idempotency-key': key });

  it('applies a request sent twice under the same key once, answering the same body', async () => {
    const { token, current } = await resource.setup();
    const key = newKey();
    const first = await patch(token, resource.change, current.version, key);
    expect(first.statusCode).toBe(200);
    const afterFirst = await resource.get(token);
    const second = await patch(token, resource.change, current.version, key);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(await resource.get(token)).toEqual(afterFirst);
    expect(afterFirst.version).toBe(current.version + 1);
    expect(await storedKeys(key)).toHaveLength(1);
  });

  it('replays the first answer even after the resource moved on (a retry is not a stale edit)', async () => {
    const { token, current } = await resource.setup();
    const key = newKey();
    const first = await patch(token, resource.change, current.version, key);
    expect(first.statusCode).toBe(200);
    // Another change lands before the retry (whose answer was lost on the way back).
    const other = await call('PATCH', resource.url, token, resource.otherChange, {
      'if-match': `"${current.version + 1}"`,
    });
    expect(other.statusCode).toBe(200);
    const retry = await patch(token, resource.change, current.version, key);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    // The retry did not undo the newer change.
    expect(await resource.get(token)).toEqual(resource.schema.parse(other.json()));
  });

  it('refuses the same key for a different request with 422 idempotency_mismatch', async () => {
    const { token, current } = await resource.setup();
    const key = newKey();
    expect((await patch(token, resource.change, current.version, key)).statusCode).toBe(200);
    const before = await resource.get(token);
    const problem = expectProblem(await patch(token, resource.otherChange, current.version, key), 422);
    expect(problem.code).toBe('idempotency_mismatch');
    expect(await resource.get(token)).toEqual(before);
    expect(await storedKeys(key)).toHaveLength(1);
  });

  it('counts the If-Match as part of the request: same key and body on another version is a mismatch', async () => {
    const { token, current } = await resource.setup();
    const key = newKey();
    expect((await patch(token, resource.change, current.version, key)).statusCode).toBe(200);
    const before = await resource.get(token);
    const problem = expectProblem(await patch(token, resource.change, current.version + 1, key), 422);
    expect(problem.code).toBe('idempotency_mismatch');
    expect(await resource.get(token)).toEqual(before);
  });

  it('stores no key for a refused request: once fixed, the same key is accepted', async () => {
    const { token, current } = await resource.setup();
    const key = newKey();
    // Someone else moved the resource on.
    expect(
      (await call('PATCH', resource.url, token, resource.otherChange, { 'if-match': `"${current.version}"` }))
        .statusCode,
    ).toBe(200);
    const stale = expectProblem(await patch(token, resource.change, current.version, key), 412);
    expect(stale.code).toBe('version_mismatch');
    expect(await storedKeys(key)).toHaveLength(0);
    // A body refused by validation stores nothing either.
    expectProblem(await patch(token, { firstName: 42, tradeName: 42 }, current.version + 1, key), 400);
    expect(await storedKeys(key)).toHaveLength(0);

    const fixed = await patch(token, resource.change, current.version + 1, key);
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ ...resource.change, version: current.version + 2 });
    expect(await storedKeys(key)).toHaveLength(1);
  });

  it('applies two identical requests sent at the same time once, both answered the same', async () => {
    const { token, current } = await resource.setup();
    const key = newKey();
    const responses = await Promise.all([
      patch(token, resource.change, current.version, key),
      patch(token, resource.change, current.version, key),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(responses[1]!.json()).toEqual(responses[0]!.json());
    expect(responses[0]!.json()).toMatchObject({ version: current.version + 1 });
    expect((await resource.get(token)).version).toBe(current.version + 1);
    expect(await storedKeys(key)).toHaveLength(1);
  });
});

describe('Idempotency-Key', () => {
  it('is per user: another user may use the same string for their own change', async () => {
    const a = await referent();
    const b = await referent();
    const key = newKey();
    const headers = { 'if-match': '"1"', 'idempotency-key': key };
    const first = await call('PATCH', '/structure', a.token, { tradeName: 'Structure A' }, headers);
    expect(first.statusCode).toBe(200);
    const second = await call('PATCH', '/structure', b.token, { tradeName: 'Structure B' }, headers);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ id: b.structure.id, tradeName: 'Structure B', version: 2 });
    expect(await getStructure(a.token)).toMatchObject({ tradeName: 'Structure A', version: 2 });
    expect((await storedKeys(key)).map((row) => row.user_id).sort()).toEqual([a.userId, b.userId].sort());
  });

  it('recognises a retry whose JSON lists the same fields in another order', async () => {
    const { token } = await referent();
    const key = newKey();
    const headers = { 'if-match': '"1"', 'idempotency-key': key };
    const first = await call('PATCH', '/structure', token, { tradeName: 'A', email: 'a@cfa.fr' }, headers);
    expect(first.statusCode).toBe(200);
    const retry = await call('PATCH', '/structure', token, { email: 'a@cfa.fr', tradeName: 'A' }, headers);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect((await getStructure(token)).version).toBe(2);
  });

  it('does not replay a structure change to another member of the same structure', async () => {
    const a = await referent();
    const b = await gestionnaire(a.structure.id);
    const key = newKey();
    const body = { tradeName: 'Même clé' };
    const first = await call('PATCH', '/structure', a.token, body, {
      'if-match': '"1"',
      'idempotency-key': key,
    });
    expect(first.statusCode).toBe(200);
    // Same key, same request, other user: not a retry of the first one, so it is judged on its own.
    const second = expectProblem(
      await call('PATCH', '/structure', b.token, body, { 'if-match': '"1"', 'idempotency-key': key }),
      412,
    );
    expect(second.code).toBe('version_mismatch');
  });

  it.each([
    ['too short', 'abc'],
    ['with spaces', 'une clé avec espaces'],
    ['too long', 'k'.repeat(201)],
  ])('refuses a key %s with 400 idempotency_key, applying nothing', async (_why, key) => {
    const { token } = await referent();
    const problem = expectProblem(
      await call(
        'PATCH',
        '/structure',
        token,
        { tradeName: 'X' },
        { 'if-match': '"1"', 'idempotency-key': key },
      ),
      400,
    );
    expect(problem.code).toBe('idempotency_key');
    expect((await getStructure(token)).version).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------

describe('GET /sync/changes', () => {
  it('gives a new structure its structure, account and member entries, in order', async () => {
    const { token, user } = await signedInUser();
    const created = await call('POST', '/structure', token, { siret: '92193444400016' });
    expect(created.statusCode).toBe(201);
    const structure = structureSchema.parse(created.json().structure);
    const me = await getMe(token);
    expect(me).toMatchObject({ structureId: structure.id, role: 'referent', version: 2 });

    const first = await page(token);
    expect(first).toEqual({
      changes: [
        { seq: 1, entity: 'structure', id: structure.id, version: 1, deleted: false, data: structure },
        { seq: 2, entity: 'account', id: user.id, version: 2, deleted: false, data: me },
        {
          seq: 3,
          entity: 'member',
          id: user.id,
          version: 2,
          deleted: false,
          data: {
            id: user.id,
            firstName: me.firstName,
            lastName: me.lastName,
            mail: me.mail,
            role: 'referent',
            joinedAt: expect.any(String),
            version: 2,
          },
        },
      ],
      cursor: 3,
      hasMore: false,
      remaining: null,
    });
    expectWellFormed(first.changes);
    expect(await lastSeq(structure.id)).toBe(3);
  });

  it('gives the demo structure, its référent, its gestionnaire and the pending request', async () => {
    const { token, user } = await login(DEMO_REFERENT.mail, DEMO_REFERENT.password);
    const gestionnaire = await login(DEMO_GESTIONNAIRE.mail, DEMO_GESTIONNAIRE.password);
    const pending = await login(DEMO_PENDING.mail, DEMO_PENDING.password);
    const all = await feed(token);
    expectWellFormed(all);
    // Its partner employers and offers too (see offers.test.ts): here, the structure and its people.
    const entries = all.filter((c) => ['structure', 'account', 'member'].includes(c.entity));
    const structure = await getStructure(token);
    expect(structure.siret).toBe(DEMO_CFA_SIRET);
    expect(entries.map(keyOf).sort()).toEqual(
      [
        `account:${user.id}`,
        `member:${user.id}`,
        `member:${gestionnaire.user.id}`,
        `member:${pending.user.id}`,
        `structure:${structure.id}`,
      ].sort(),
    );
    expect(entries.find((c) => c.entity === 'structure')?.data).toEqual(structure);
    expect(entries.find((c) => c.entity === 'account')?.data).toEqual(await getMe(token));
    const roleOf = (id: string) =>
      (entries.find((c) => c.id === id && c.entity === 'member')?.data as { role: string }).role;
    expect([roleOf(user.id), roleOf(gestionnaire.user.id), roleOf(pending.user.id)]).toEqual([
      'referent',
      'gestionnaire',
      'pending',
    ]);
  });

  it('keeps one entry per entity: a changed entity moves to a new, higher seq', async () => {
    const { token, structure } = await referent();
    const before = await feed(token);
    expect(before.map((c) => c.entity)).toEqual(['structure', 'account', 'member']);
    const maxBefore = Math.max(...before.map((c) => c.seq));

    const patched = await call(
      'PATCH',
      '/structure',
      token,
      { tradeName: 'Nouveau nom' },
      { 'if-match': '"1"' },
    );
    expect(patched.statusCode).toBe(200);
    const after = await feed(token);
    expectWellFormed(after);
    expect(after).toHaveLength(3);
    const structures = after.filter((c) => c.entity === 'structure');
    expect(structures).toHaveLength(1);
    expect(structures[0]).toMatchObject({ id: structure.id, version: 2, data: patched.json() });
    expect(structures[0]!.seq).toBeGreaterThan(maxBefore);
    expect(after.at(-1)?.entity).toBe('structure');
    // The other entries did not move.
    expect(after.filter((c) => c.entity !== 'structure')).toEqual(
      before.filter((c) => c.entity !== 'structure'),
    );

    // Only the newest state is kept: a puller that already has seq ≤ maxBefore gets just the structure.
    const since = await page(token, { since: maxBefore });
    expect(since.changes.map(keyOf)).toEqual([`structure:${structure.id}`]);

    const me = await call('PATCH', '/me', token, { mobile: '07 12 34 56 78' }, { 'if-match': '"2"' });
    expect(me.statusCode).toBe(200);
    const last = await feed(token);
    expectWellFormed(last);
    expect(last.map((c) => c.entity)).toEqual(['structure', 'account', 'member']);
    expect(last.find((c) => c.entity === 'account')).toMatchObject({ version: 3, data: me.json() });
    expect(
      await platform()
        .db.selectFrom('sync_log')
        .select('seq')
        .where('structure_id', '=', structure.id)
        .execute(),
    ).toHaveLength(3);
    expect(await lastSeq(structure.id)).toBe(Math.max(...last.map((c) => c.seq)));
  });

  it('pages with limit=1 in strictly increasing seq, with exact cursor, hasMore and remaining', async () => {
    const { token, structure } = await referent();
    await gestionnaire(structure.id);
    await gestionnaire(structure.id);
    expect(
      (await call('PATCH', '/structure', token, { email: 'contact@cfa.fr' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(200);
    const all = await feed(token);
    // Structure, my account, three member cards.
    expect(all).toHaveLength(5);

    const first = await page(token, { count: 'true' });
    expect(first.remaining).toBe(0);
    expect(first.changes).toEqual(all);

    const walked: Change[] = [];
    let since = 0;
    for (let i = 0; i < 20; i++) {
      const p = await page(token, { since, limit: 1, count: 'true' });
      expect(p.changes).toHaveLength(1);
      const [change] = p.changes;
      expect(change!.seq).toBeGreaterThan(since);
      expect(p.cursor).toBe(change!.seq);
      walked.push(change!);
      expect(p.remaining).toBe(all.length - walked.length);
      expect(p.hasMore).toBe(p.remaining! > 0);
      since = p.cursor;
      if (!p.hasMore) break;
    }
    expect(walked).toEqual(all);

    // Without count, remaining is not computed.
    expect((await page(token, { limit: 1 })).remaining).toBeNull();

    // Two by two: pages of 2, 2, 1.
    const pairs = [await page(token, { limit: 2, count: 'true' })];
    while (pairs.at(-1)!.hasMore)
      pairs.push(await page(token, { since: pairs.at(-1)!.cursor, limit: 2, count: 'true' }));
    expect(pairs.map((p) => p.changes.length)).toEqual([2, 2, 1]);
    expect(pairs.map((p) => p.remaining)).toEqual([3, 1, 0]);
    expect(pairs.flatMap((p) => p.changes)).toEqual(all);

    // Caught up: nothing more, the cursor stays.
    const end = await page(token, { since, count: 'true' });
    expect(end).toEqual({ changes: [], cursor: since, hasMore: false, remaining: 0 });
    expect(await page(token, { since })).toEqual({
      changes: [],
      cursor: since,
      hasMore: false,
      remaining: null,
    });
  });

  it('shows each member the structure and every member card, but only their own account', async () => {
    const a = await referent();
    const b = await gestionnaire(a.structure.id);
    const aSees = await feed(a.token);
    const bSees = await feed(b.token);
    expectWellFormed(aSees);
    expectWellFormed(bSees);
    const shared = [`structure:${a.structure.id}`, `member:${a.userId}`, `member:${b.userId}`];
    expect(aSees.map(keyOf).sort()).toEqual([...shared, `account:${a.userId}`].sort());
    expect(bSees.map(keyOf).sort()).toEqual([...shared, `account:${b.userId}`].sort());
    expect(bSees.find((c) => c.entity === 'account')?.data).toEqual(await getMe(b.token));
    expect(bSees.find((c) => c.id === b.userId && c.entity === 'member')?.data).toMatchObject({
      role: 'gestionnaire',
    });
    // The same entries at the same places for both.
    const common = (entries: Change[]) => entries.filter((c) => c.entity !== 'account');
    expect(common(bSees)).toEqual(common(aSees));

    // Counting skips the other member's account too.
    const counted = await page(b.token, { limit: 1, count: 'true' });
    expect(counted.remaining).toBe(bSees.length - 1);
  });

  it('never shows a structure’s entries to the users of another structure', async () => {
    const a = await referent();
    await gestionnaire(a.structure.id);
    expect(
      (await call('PATCH', '/structure', a.token, { tradeName: 'Secret' }, { 'if-match': '"1"' })).statusCode,
    ).toBe(200);
    const aIds = new Set((await feed(a.token)).map((c) => c.id));

    const other = await referent();
    const seen = await feed(other.token);
    expectWellFormed(seen);
    expect(seen.map(keyOf).sort()).toEqual(
      [`structure:${other.structure.id}`, `account:${other.userId}`, `member:${other.userId}`].sort(),
    );
    for (const change of seen) expect(aIds.has(change.id)).toBe(false);
    // Both sequences start at 1: a cursor of one structure means nothing in the other.
    expect(seen.map((c) => c.seq)).toEqual([1, 2, 3]);
  });

  it('answers 404 no_structure to an account without structure', async () => {
    const { token } = await signedInUser();
    expect(expectProblem(await changes(token), 404).code).toBe('no_structure');
  });

  it('requires a token', async () => {
    expect(expectProblem(await changes(undefined), 401).code).toBe('token_missing');
  });

  it.each([
    ['since', { since: -1 }],
    ['since', { since: 'abc' }],
    ['since', { since: 1.5 }],
    ['limit', { limit: 0 }],
    ['limit', { limit: 'abc' }],
    ['limit', { limit: 5001 }],
    ['count', { count: 'yes' }],
  ])('answers 400 naming %s for %j', async (field, query) => {
    const { token } = await referent();
    const problem = expectProblem(await changes(token, query), 400);
    expect(problem.code).toBe('validation');
    expect(problem.errors?.map((e) => e.field)).toEqual([field]);
  });
});
