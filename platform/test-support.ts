import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { problemSchema, type Problem } from '../shared/api/problem';
import { createPlatform, type Platform, type PlatformOptions } from './server';

/**
 * One reference platform for the test file, in a temp folder removed afterwards.
 * Returns a getter: the platform exists once `beforeAll` has run.
 */
export function usePlatform(options: Omit<PlatformOptions, 'dataDir'> = {}): () => Platform {
  let platform: Platform | undefined;
  let dataDir = '';
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'platform-'));
    platform = await createPlatform({ dataDir, ...options });
  });
  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!platform) throw new Error('plateforme pas encore démarrée (utilisez-la dans un test ou un hook)');
    return platform;
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
