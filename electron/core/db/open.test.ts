import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLocalDatabase } from './open';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('an account database on disk', () => {
  it.skipIf(process.platform === 'win32')('lives in a folder only its OS user can open', async () => {
    const accountFile = path.join(dir, 'accounts', 'someone', 'local.sqlite');
    const store = await openLocalDatabase(accountFile);
    await store.close();
    expect(statSync(path.dirname(accountFile)).mode & 0o077).toBe(0);
  });
});
