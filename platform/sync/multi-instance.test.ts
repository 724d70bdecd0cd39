import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesPageSchema } from '../../shared/api/sync';
import { createTestDatabase, testsOnPostgres } from '../db/test-postgres';
import { platformMigrations } from '../db/migrations/index';
import { createPlatform, type Platform } from '../server';
import { apiCaller, freeSirets, newReferent, newSignedInAccount } from '../test-support';
import { recordChange } from './log';

// Two platform instances on one PostgreSQL database, as behind a load balancer: they must behave
// as one platform. SQLite serves one process only, so these run with PLATFORM_TEST_DIALECT=postgres
// (npm run test:postgres).

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!testsOnPostgres())('two platform instances on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Platform;
  let b: Platform;
  const onA = apiCaller(() => a);
  const onB = apiCaller(() => b);
  const nextSiret = freeSirets();

  beforeAll(async () => {
    // An empty database: both instances migrate it, seed the directory and the demo, and make
    // the signing key at the same moment, as two processes started together do.
    database = await createTestDatabase({ empty: true });
    [a, b] = await Promise.all([
      createPlatform({ databaseUrl: database.url, seed: 'demo' }),
      createPlatform({ databaseUrl: database.url, seed: 'demo' }),
    ]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('migrated and seeded the database once, whichever started first', async () => {
    expect(a.dialect).toBe('postgres');
    const migrations = await a.db
      .selectFrom('kysely_migration' as never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(migrations.n).toBe(Object.keys(platformMigrations).length);
    const keys = await a.db.selectFrom('settings').selectAll().where('key', '=', 'jwt_secret').execute();
    expect(keys).toHaveLength(1);
    const users = await a.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(users.n).toBe(3);
  });

  it('accepts on B a token issued by A, and a refresh token rotated on A is refused on B', async () => {
    const account = await newSignedInAccount(a);
    const me = await onB('GET', '/me', account.token);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: account.user.id });

    const rotated = await onA('POST', '/auth/refresh', undefined, { refreshToken: account.refreshToken });
    expect(rotated.statusCode).toBe(200);
    // The old token again, on the other instance: reuse, so the whole family goes.
    expect(
      (await onB('POST', '/auth/refresh', undefined, { refreshToken: account.refreshToken })).statusCode,
    ).toBe(401);
    const newest = rotated.json<{ refreshToken: string }>().refreshToken;
    expect((await onA('POST', '/auth/refresh', undefined, { refreshToken: newest })).statusCode).toBe(401);
  });

  it('applies once the same Idempotency-Key sent to both instances at once', async () => {
    for (let round = 0; round < 5; round++) {
      const referent = await newReferent(() => a, nextSiret);
      const before = (await onA('GET', '/structure', referent.token)).json<{ version: number }>();
      const key = randomUUID();
      const headers = { 'if-match': `"${before.version}"`, 'idempotency-key': key };
      const body = { tradeName: `CFA ${round}` };
      const responses = await Promise.all([
        onA('PATCH', '/structure', referent.token, body, headers),
        onB('PATCH', '/structure', referent.token, body, headers),
      ]);
      expect(responses.map((r) => r.statusCode)).toEqual([200, 200]);
      expect(responses[0]!.json()).toEqual(responses[1]!.json());
      const after = (await onB('GET', '/structure', referent.token)).json<{ version: number }>();
      expect(after.version).toBe(before.version + 1);
      const stored = await a.db
        .selectFrom('idempotency_keys')
        .select('status')
        .where('key', '=', key)
        .execute();
      expect(stored).toEqual([{ status: 200 }]);
    }
  });

  it('never lets a pull skip a change that commits after a later-numbered one', async () => {
    const referent = await newReferent(() => a, nextSiret);
    const pull = async (since: number) => {
      const response = await onB('GET', `/sync/changes?since=${since}`, referent.token);
      expect(response.statusCode).toBe(200);
      return changesPageSchema.parse(response.json());
    };
    const start = (await pull(0)).cursor;

    // Instance A takes the next position of the structure's feed and does not commit yet.
    const held = await a.db.startTransaction().setIsolationLevel('serializable').execute();
    const heldId = randomUUID();
    const heldSeq = await recordChange(held, {
      structureId: referent.structureId,
      entity: 'employer',
      entityId: heldId,
      version: 1,
      data: { id: heldId },
    });
    expect(heldSeq).toBe(start + 1);

    // Meanwhile a change on instance B: it waits for A's position to be settled.
    const version = (await onB('GET', '/structure', referent.token)).json<{ version: number }>().version;
    let answered = false;
    const editOnB = onB(
      'PATCH',
      '/structure',
      referent.token,
      { tradeName: 'CFA tardif' },
      { 'if-match': `"${version}"` },
    ).then((response) => {
      answered = true;
      return response;
    });
    await sleep(300);
    expect(answered).toBe(false);
    // A pull in between sees neither: nothing past A's uncommitted position.
    const between = await pull(start);
    expect(between.changes).toEqual([]);
    expect(between.cursor).toBe(start);

    await held.commit().execute();
    expect((await editOnB).statusCode).toBe(200);
    const after = await pull(between.cursor);
    const seen = after.changes.map((change) => change.entity);
    expect(seen).toEqual(['employer', 'structure']);
    expect(after.changes[0]).toMatchObject({ id: heldId, seq: heldSeq });
    expect(after.changes[1]!.seq).toBeGreaterThan(heldSeq);
  });
});
