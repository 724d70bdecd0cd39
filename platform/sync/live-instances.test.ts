import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerCalls } from '../offers/test-fixtures';
import { createTestDatabase, testsOnPostgres } from '../db/test-postgres';
import { createPlatform, type Platform } from '../server';
import { freeSirets, newReferent } from '../test-support';
import { isPoke, openTestStream, type TestStream } from './stream-test-client';

// Live sync across instances (PostgreSQL): a desktop's stream is open on instance A, the change is
// made through instance B, and LISTEN/NOTIFY carries the poke from one to the other.

describe.skipIf(!testsOnPostgres())('live pokes between two instances on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Platform;
  let b: Platform;
  let urlA = '';
  const streams: TestStream[] = [];
  const nextSiret = freeSirets();
  const onB = offerCalls(() => b);

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await createPlatform({ databaseUrl: database.url, limits: { registrations: 10_000 } });
    b = await createPlatform({ databaseUrl: database.url, limits: { registrations: 10_000 } });
    urlA = await a.listen(0);
  });
  afterAll(async () => {
    streams.forEach((stream) => stream.close());
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('pokes a stream open on A when a change commits through B, at the change’s position', async () => {
    const referent = await newReferent(() => b, nextSiret);
    const before = (await onB.feed(referent.token)).at(-1)!.seq;
    const stream = await openTestStream(urlA, referent.token, { cursor: before });
    streams.push(stream);
    await stream.next((item) => item.kind === 'comment' && item.text === 'ok');

    const employer = await onB.addEmployer(referent.token, nextSiret());
    const poke = await stream.next(isPoke);
    const changes = await onB.feed(referent.token, before);
    expect(changes.map((c) => c.id)).toContain(employer.id);
    expect(poke).toMatchObject({ cursor: changes.at(-1)!.seq });
  });

  it('never pokes for a transaction that rolled back', async () => {
    const referent = await newReferent(() => b, nextSiret);
    const before = (await onB.feed(referent.token)).at(-1)!.seq;
    const stream = await openTestStream(urlA, referent.token, { cursor: before });
    streams.push(stream);
    await stream.next((item) => item.kind === 'comment' && item.text === 'ok');
    const { recordChange } = await import('./log');
    await b.db
      .transaction()
      .execute(async (trx) => {
        await recordChange(trx, {
          structureId: referent.structureId,
          entity: 'structure',
          entityId: referent.structureId,
          version: 99,
          data: null,
        });
        throw new Error('annulée');
      })
      .catch(() => undefined);
    // A real change afterwards: its poke is the first and only one the stream gets.
    const employer = await onB.addEmployer(referent.token, nextSiret());
    const poke = await stream.next(isPoke);
    const changes = await onB.feed(referent.token, before);
    expect(changes.map((c) => c.id)).toEqual([employer.id]);
    expect(poke).toMatchObject({ cursor: changes.at(-1)!.seq });
    expect(stream.received().filter(isPoke)).toHaveLength(1);
  });
});
