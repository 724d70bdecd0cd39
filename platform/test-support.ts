import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { problemSchema, type Problem } from '../shared/api/problem';
import { userSchema, type User } from '../shared/domain/account';
import { createTestDatabase, testsOnPostgres } from './db/test-postgres';
import { DEMO_OBSERVATION_HOSTS } from './seed/demo';
import { DEMO_PARTNER_STRUCTURES } from './seed/demo-offers';
import { AGRICOLE_THES_SIRET, DEMO_CFA_SIRET, generateDirectory } from './seed/directory';
import { createPlatform, type Platform, type PlatformOptions } from './server';

/** Where a test platform keeps its data; another platform given the same `where` reopens it. */
export interface TestStorage {
  where: { dataDir: string } | { databaseUrl: string };
  remove(): Promise<void>;
}

/**
 * A fresh database: a temp folder for the SQLite file, or with PLATFORM_TEST_DIALECT=postgres a
 * new PostgreSQL database (platform/db/test-postgres.ts).
 */
export async function newTestStorage(): Promise<TestStorage> {
  if (testsOnPostgres()) {
    const database = await createTestDatabase();
    return { where: { databaseUrl: database.url }, remove: () => database.drop() };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'platform-'));
  return {
    where: { dataDir },
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A platform on a fresh database; `dispose` closes it and removes its database. */
export async function startTestPlatform(
  options: Omit<PlatformOptions, 'dataDir' | 'databaseUrl'> = {},
): Promise<{ platform: Platform; dispose(): Promise<void> }> {
  const storage = await newTestStorage();
  const platform = await createPlatform({ ...storage.where, ...options });
  return {
    platform,
    async dispose() {
      await platform.close();
      await storage.remove();
    },
  };
}

/**
 * One reference platform for the test file, on a database removed afterwards.
 * Returns a getter: the platform exists once `beforeAll` has run.
 */
export function usePlatform(options: Omit<PlatformOptions, 'dataDir' | 'databaseUrl'> = {}): () => Platform {
  let started: Awaited<ReturnType<typeof startTestPlatform>> | undefined;
  beforeAll(async () => {
    started = await startTestPlatform(options);
  });
  afterAll(async () => {
    await started?.dispose();
  });
  return () => {
    if (!started) throw new Error('plateforme pas encore démarrée (utilisez-la dans un test ou un hook)');
    return started.platform;
  };
}

type InjectResponse = Awaited<ReturnType<Platform['app']['inject']>>;

/** Asserts an RFC 9457 problem with this status and returns its body. */
export function expectProblem(response: InjectResponse, status: number): Problem {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(response.json());
  expect(problem.status).toBe(status);
  return problem;
}

let accounts = 0;

/** A new account, registered and signed in (attached to no structure yet). */
export async function newSignedInAccount(
  platform: Platform,
  password = 'Alternance-2026',
  name: { firstName?: string; lastName?: string } = {},
): Promise<{ token: string; user: User; mail: string; refreshToken: string }> {
  const mail = `compte.${process.pid}.${++accounts}@exemple.fr`;
  const registered = await platform.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: {
      mail,
      password,
      firstName: name.firstName ?? 'Claire',
      lastName: name.lastName ?? 'Lacoste',
      mobile: '0612345678',
      consent: true,
    },
  });
  expect(registered.statusCode).toBe(201);
  const login = await platform.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { mail, password },
  });
  expect(login.statusCode).toBe(200);
  const body = login.json<{ accessToken: string; refreshToken: string; user: unknown }>();
  return {
    token: body.accessToken,
    refreshToken: body.refreshToken,
    user: userSchema.parse(body.user),
    mail,
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Requests to the platform under test (`url` under /api/v1), with a bearer token when given. */
export function apiCaller(platform: () => Platform) {
  return (
    method: Method,
    url: string,
    token?: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    platform().app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
}

/**
 * Open establishments of the directory that neither the demo seed nor a test naming one
 * (SAS AGRICOLE THES DE BRETAGNE) registers: each call gives a new one.
 */
export function freeSirets(): () => string {
  const taken = new Set([
    AGRICOLE_THES_SIRET,
    DEMO_CFA_SIRET,
    ...DEMO_OBSERVATION_HOSTS.map((h) => h.siret),
    ...DEMO_PARTNER_STRUCTURES.map((s) => s.siret),
  ]);
  const free = generateDirectory()
    .filter((e) => e.active && !taken.has(e.siret))
    .map((e) => e.siret);
  return () => {
    const siret = free.shift();
    if (!siret) throw new Error('plus de Siret libre pour les tests');
    return siret;
  };
}

export interface TestMember {
  token: string;
  id: string;
}

/** A new account, référent of a new structure (an open establishment no test used yet). */
export async function newReferent(
  platform: () => Platform,
  nextSiret: () => string,
): Promise<TestMember & { structureId: string; siret: string }> {
  const { token, user } = await newSignedInAccount(platform(), undefined, {
    firstName: 'Régine',
    lastName: 'Référent',
  });
  const siret = nextSiret();
  const created = await apiCaller(platform)('POST', '/structure', token, { siret });
  expect(created.statusCode).toBe(201);
  return { token, id: user.id, structureId: created.json().structure.id, siret };
}

/** A new account whose request to join the structure with this SIRET awaits its référent. */
export async function newPendingMember(platform: () => Platform, siret: string): Promise<TestMember> {
  const { token, user } = await newSignedInAccount(platform(), undefined, {
    firstName: 'Léa',
    lastName: 'Attente',
  });
  expect((await apiCaller(platform)('POST', '/structure', token, { siret })).statusCode).toBe(202);
  return { token, id: user.id };
}

/** A new account approved as gestionnaire by the référent of the structure with this SIRET. */
export async function newGestionnaire(
  platform: () => Platform,
  referent: { token: string; siret: string },
): Promise<TestMember> {
  const member = await newPendingMember(platform, referent.siret);
  const approved = await apiCaller(platform)(
    'POST',
    `/structure/members/${member.id}/approve`,
    referent.token,
  );
  expect(approved.statusCode).toBe(200);
  return member;
}
