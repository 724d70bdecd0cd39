import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleProfile } from '../../../tests/support/profiles';
import { cacheProfile, findCachedProfile } from '../profiles/cache';
import { openLocalDatabase, type LocalStore } from './open';

// Work left for the end of a transaction (the search index's documents) runs before a write
// commits; a read has no end to run it at, so asking for it there is refused, not lost.

let dir = '';
let store: LocalStore;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'store-'));
  store = await openLocalDatabase(path.join(dir, 'local.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('work left for the end of a transaction', () => {
  it('runs before a write commits', async () => {
    const done: string[] = [];
    await store.write((tx) => {
      tx.atEnd('first', () => done.push('first'));
      tx.atEnd('first', () => done.push('again'));
      done.push('work');
    });
    expect(done).toEqual(['work', 'first']);
  });

  it('is refused in a read, which then leaves nothing behind', async () => {
    let ran = false;
    // @ts-expect-error: a read's transaction has no atEnd (ReadTx); the runtime refuses it too.
    await expect(store.read((tx) => tx.atEnd('index', () => (ran = true)))).rejects.toThrow(/lecture/);
    expect(ran).toBe(false);
    const profile = sampleProfile();
    // A profile cached in a read would be without its words: refused, and rolled back.
    // @ts-expect-error: cacheProfile needs a WriteTx, which a read does not give.
    await expect(store.read((tx) => cacheProfile(tx, profile))).rejects.toThrow(/lecture/);
    expect(await store.read((tx) => findCachedProfile(tx, profile.id))).toBeUndefined();
    await store.write((tx) => cacheProfile(tx, profile));
    expect(await store.read((tx) => findCachedProfile(tx, profile.id))).toEqual(profile);
  });
});
