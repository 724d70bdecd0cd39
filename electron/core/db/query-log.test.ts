import { sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../shared/ipc/contract';
import { createDispatcher } from '../dispatch';
import { openLocalDatabase, type LocalStore } from './open';
import { runInChannel, slowQueryLog } from './query-log';

let dir = '';
let store: LocalStore;
let now = 0;
let lines: string[] = [];

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'query-log-'));
  now = 1_000;
  lines = [];
  store = await openLocalDatabase(path.join(dir, 'local.sqlite'), undefined, {
    slowLog: slowQueryLog(
      (line) => lines.push(line),
      () => now,
    ),
  });
  // A query that "takes" as long as it is told, on the test's clock: no sleeps.
  store.sqlite.function('takes', (ms: number) => {
    now += ms;
    return ms;
  });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const PERSONAL = 'Émilie Darrigrand';

describe('the slow-query log', () => {
  it('tells a statement and its transaction over 40 ms, with the channel and the transaction, not the values', async () => {
    await runInChannel('offers.list', () =>
      store.read(function readOffers(tx) {
        return tx.first(sql`select takes(${50}), ${PERSONAL} as name`);
      }),
    );
    expect(lines).toHaveLength(2);
    const [statement, transaction] = lines;
    expect(statement).toMatch(
      /^Requête lente \(50 ms\) — canal « offers\.list », transaction « readOffers \(db\/query-log\.test\.ts:\d+\) » : select takes\(\?\), \? as name$/,
    );
    expect(transaction).toMatch(
      /^Transaction lente \(50 ms\) — canal « offers\.list », transaction « .*readOffers/,
    );
    for (const line of lines) expect(line).not.toContain('Darrigrand');
  });

  it('says nothing of one taking 10 ms, nor of 40 ms exactly', async () => {
    await runInChannel('offers.list', () =>
      store.write((tx) => {
        tx.exec('select takes(?)', [10]);
        tx.get('select takes(?)', [30]);
      }),
    );
    expect(lines).toEqual([]);
  });

  it('tells a transaction slow as a whole though each statement was quick', async () => {
    await store.write((tx) => {
      for (let i = 0; i < 3; i++) tx.exec('select takes(?)', [15]);
    });
    expect(lines).toEqual([
      expect.stringMatching(/^Transaction lente \(45 ms\) — tâche de fond, transaction « /),
    ]);
  });

  it('names the channel the dispatcher was handling', async () => {
    const handlers = {
      'sync.issues': async () => {
        await store.read((tx) => tx.first(sql`select takes(${60})`));
        return [];
      },
    } as unknown as Handlers;
    const invoke = createDispatcher(handlers, { error: () => {} });
    await expect(invoke('sync.issues')).resolves.toEqual({ ok: true, data: [] });
    expect(lines).toEqual([
      expect.stringContaining('Requête lente (60 ms) — canal « sync.issues »'),
      expect.stringContaining('Transaction lente (60 ms) — canal « sync.issues »'),
    ]);
  });
});
