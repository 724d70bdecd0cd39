import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type Platform } from '../server';
import { apiCaller, expectProblem, newSignedInAccount } from '../test-support';
import { startTestCluster, testsOnPostgres, type TestCluster } from './test-postgres';

// PostgreSQL stops in the middle of a run (a restart, a failover): requests answer 503 with a
// retry hint instead of hanging or failing with a 500, and the instance recovers on its own
// when the database is back. A cluster of its own: the run's shared one must stay up.

describe.skipIf(!testsOnPostgres())('the platform while PostgreSQL is down', () => {
  let cluster: TestCluster;
  let platform: Platform;
  const call = apiCaller(() => platform);

  beforeAll(async () => {
    cluster = await startTestCluster();
    platform = await createPlatform({ databaseUrl: `${cluster.url}/platform_template` });
  });
  afterAll(async () => {
    await platform?.close();
    cluster?.stop();
  });

  it('answers 503 « Service indisponible » with Retry-After, then serves again once it is back', async () => {
    const account = await newSignedInAccount(platform);
    expect((await call('GET', '/me', account.token)).statusCode).toBe(200);

    cluster.pause();
    const started = Date.now();
    const down = await call('GET', '/me', account.token);
    const problem = expectProblem(down, 503);
    expect(problem.title).toBe('Service indisponible');
    expect(problem.detail).toMatch(/base de données/);
    expect(down.headers['retry-after']).toBe('5');
    // Refused connections fail at once; the pool's 5-second timeout bounds the rest.
    expect(Date.now() - started).toBeLessThan(6_000);

    cluster.resume();
    const back = await call('GET', '/me', account.token);
    expect(back.statusCode).toBe(200);
  });
});
