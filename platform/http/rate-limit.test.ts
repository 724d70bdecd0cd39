import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testsOnPostgres } from '../db/test-postgres';
import { createPlatform, type Platform } from '../server';
import { expectProblem, newSignedInAccount } from '../test-support';

const PASSWORD = 'Alternance-2026';
const WINDOW_MS = 15 * 60_000;
const DEFAULT_ADDRESS_LIMIT = 30;

let now = new Date('2026-03-02T09:00:00.000Z');
const clock = () => now;

// Two instances of the platform on one database, as behind a load balancer: the counters must
// be the database's, not one process's.
// With PLATFORM_TEST_DIALECT=postgres, both on one PostgreSQL database.
let dataDir = '';
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let first: Platform;
let second: Platform;
beforeAll(async () => {
  if (testsOnPostgres()) database = await createTestDatabase();
  else dataDir = mkdtempSync(path.join(os.tmpdir(), 'platform-limits-'));
  const where = database ? { databaseUrl: database.url } : { dataDir };
  // The defaults but for registrations (tests register many accounts from one address).
  first = await createPlatform({ ...where, clock, limits: { registrations: 10_000 } });
  second = await createPlatform({ ...where, clock, limits: { registrations: 10_000 } });
});
afterAll(async () => {
  await first?.close();
  await second?.close();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

let ip = 0;
/** An address no other test uses: each test starts with fresh counters. */
const freshAddress = () => `203.0.113.${++ip}`;
let mails = 0;
const unknownMail = () => `inconnu.${++mails}@exemple.fr`;

function post(platform: Platform, url: string, payload: unknown, remoteAddress: string, token?: string) {
  return platform.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    payload: payload as never,
    remoteAddress,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

describe('the limit of refused password checks per address', () => {
  it('stops a password spray: 40 different mails from one address end in 429, in French, with Retry-After', async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    let limited;
    for (let attempt = 1; attempt <= 40; attempt++) {
      const response = await post(
        first,
        '/auth/login',
        { mail: unknownMail(), password: 'Mauvais-1' },
        address,
      );
      statuses.push(response.statusCode);
      if (response.statusCode === 429) limited ??= response;
    }
    expect(statuses.slice(0, DEFAULT_ADDRESS_LIMIT).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(DEFAULT_ADDRESS_LIMIT).every((s) => s === 429)).toBe(true);
    const problem = expectProblem(limited!, 429);
    expect(problem.code).toBe('rate_limited');
    expect(problem.detail).toBe(
      'Trop de tentatives de mot de passe depuis cette adresse. Réessayez dans 15 minutes.',
    );
    expect(Number(limited!.headers['retry-after'])).toBe(WINDOW_MS / 1000);

    // Another address is not concerned.
    const other = await post(
      first,
      '/auth/login',
      { mail: unknownMail(), password: 'Mauvais-1' },
      freshAddress(),
    );
    expect(other.statusCode).toBe(401);
  });

  it('is shared by the instances, by staff and candidate logins and by current-password checks', async () => {
    const address = freshAddress();
    const { token } = await newSignedInAccount(first);
    for (let attempt = 1; attempt <= DEFAULT_ADDRESS_LIMIT; attempt++) {
      const [platform, url, body] =
        attempt % 3 === 0
          ? [second, '/candidates/login', { mail: unknownMail(), password: 'Mauvais-1' }]
          : attempt % 3 === 1
            ? [first, '/auth/login', { mail: unknownMail(), password: 'Mauvais-1' }]
            : [second, '/me/mail', { currentPassword: `Mauvais-${attempt}`, newMail: unknownMail() }];
      expect((await post(platform, url, body, address, token)).statusCode).toBeLessThan(429);
    }
    for (const platform of [first, second]) {
      expectProblem(
        await post(platform, '/auth/login', { mail: unknownMail(), password: 'x' }, address),
        429,
      );
      expectProblem(
        await post(platform, '/candidates/login', { mail: unknownMail(), password: 'x' }, address),
        429,
      );
    }
  });

  it('counts only refusals: the staff of a centre behind one address can all sign in', async () => {
    const address = freshAddress();
    const accounts = [];
    for (let i = 0; i < 4; i++) accounts.push(await newSignedInAccount(first));
    for (let round = 0; round < 8; round++) {
      for (const { mail } of accounts) {
        expect(
          (await post(round % 2 ? first : second, '/auth/login', { mail, password: PASSWORD }, address))
            .statusCode,
        ).toBe(200);
      }
    }
    // 32 sign-ins (8 per mail, under its own limit) and still the whole allowance of refusals.
    for (let attempt = 1; attempt <= DEFAULT_ADDRESS_LIMIT; attempt++) {
      expect(
        (await post(first, '/auth/login', { mail: unknownMail(), password: 'x' }, address)).statusCode,
      ).toBe(401);
    }
    expectProblem(await post(first, '/auth/login', { mail: unknownMail(), password: 'x' }, address), 429);
  });

  it('opens again when the window is over, by the platform’s clock', async () => {
    const address = freshAddress();
    for (let attempt = 1; attempt <= DEFAULT_ADDRESS_LIMIT; attempt++) {
      await post(first, '/auth/login', { mail: unknownMail(), password: 'x' }, address);
    }
    expectProblem(await post(first, '/auth/login', { mail: unknownMail(), password: 'x' }, address), 429);
    now = new Date(now.getTime() + WINDOW_MS - 60_000);
    const waiting = await post(second, '/auth/login', { mail: unknownMail(), password: 'x' }, address);
    expectProblem(waiting, 429);
    expect(Number(waiting.headers['retry-after'])).toBe(60);
    expect(expectProblem(waiting, 429).detail).toMatch(/Réessayez dans 1 minute\.$/);
    now = new Date(now.getTime() + 60_000);
    expect(
      (await post(second, '/auth/login', { mail: unknownMail(), password: 'x' }, address)).statusCode,
    ).toBe(401);
  });
});

describe('the limits per account and of registrations, in the database', () => {
  it('limits login attempts per mail across instances, right password included', async () => {
    const address = freshAddress();
    const { mail } = await newSignedInAccount(first);
    for (let attempt = 1; attempt <= 10; attempt++) {
      const platform = attempt % 2 ? first : second;
      expect(
        (await post(platform, '/auth/login', { mail, password: `Mauvais-${attempt}` }, address)).statusCode,
      ).toBe(401);
    }
    const limited = expectProblem(
      await post(second, '/auth/login', { mail, password: PASSWORD }, address),
      429,
    );
    expect(limited.detail).toMatch(/^Trop de tentatives de connexion pour ce mail\./);
  });

  it('keeps no mail in the clear in the counters', async () => {
    const { mail } = await newSignedInAccount(first);
    await post(first, '/auth/login', { mail, password: 'Mauvais-1' }, freshAddress());
    const keys = await first.db.selectFrom('rate_limits').select('key').execute();
    expect(keys.length).toBeGreaterThan(0);
    for (const { key } of keys) expect(key).not.toContain('@');
  });
});
