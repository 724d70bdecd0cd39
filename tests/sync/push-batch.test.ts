import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appliedChanges,
  Desktop,
  expectConverged,
  platformStructure,
  platformUser,
  startStack,
  type Stack,
} from './support/harness';
import { accountDatabaseFile } from '../../electron/core/db/open';

// The desktop's batched push (POST /sync/push) against the real platform: what goes in which
// batch, and that each change's answer is handled as its single request's would be.

let stack: Stack;
const desktops: Desktop[] = [];

/** A desktop that pushes only when told to (sync.now), so that what waits goes together. */
async function desktop(name: string) {
  const d = await Desktop.start(stack, name, { sync: { debounceMs: 3_600_000 } });
  desktops.push(d);
  await d.syncNow();
  return d;
}

beforeEach(async () => {
  stack = await startStack();
});

afterEach(async () => {
  for (const d of desktops.splice(0)) await d.close();
  await stack.close();
});

describe('batched push', () => {
  it('sends a day of offline changes in batches of 50, each edit of a row on the version the one before gave', async () => {
    const a = await desktop('a');
    const before = await appliedChanges(stack.platform);
    for (let i = 1; i <= 120; i++) await a.editStructure({ tradeName: `Nom ${i}` });
    await a.ok('account.update', { firstName: 'Clara' });
    expect(await a.syncNow()).toMatchObject({ pending: 0, parked: 0, conflicts: 0 });
    expect(stack.proxy.requests('POST', '/sync/push')).toHaveLength(3);
    expect(stack.proxy.requests('PATCH', '/')).toHaveLength(0);
    expect(await platformStructure(stack.platform)).toMatchObject({ tradeName: 'Nom 120', version: 121 });
    expect(await platformUser(stack.platform)).toMatchObject({ firstName: 'Clara', version: 2 });
    expect((await appliedChanges(stack.platform)) - before).toBe(121);
    expect(await a.structure()).toMatchObject({ tradeName: 'Nom 120', version: 121, syncState: 'synced' });
    await expectConverged(stack, [a]);
  });

  it('stops a batch at a conflict: that change waits for the user, the ones after it go in the next batch', async () => {
    const a = await desktop('a');
    const b = await desktop('b');
    await b.ok('account.update', { firstName: 'Version de B' });
    await b.syncNow();
    for (let i = 1; i <= 10; i++) await a.editStructure({ tradeName: `Avant ${i}` });
    await a.ok('account.update', { firstName: 'Version de A' });
    for (let i = 1; i <= 10; i++) await a.editStructure({ tradeName: `Après ${i}` });

    expect(await a.syncNow()).toMatchObject({ pending: 0, conflicts: 1 });
    // The first batch stopped at its 11th change (412): the last ten went in a second one.
    expect(stack.proxy.requests('POST', '/sync/push')).toHaveLength(2);
    const [issue] = await a.issues();
    expect(issue).toMatchObject({ state: 'conflict' });
    expect(issue!.fields).toEqual([
      expect.objectContaining({
        field: 'firstName',
        conflict: true,
        mine: 'Version de A',
        theirs: 'Version de B',
      }),
    ]);
    expect(await platformStructure(stack.platform)).toMatchObject({ tradeName: 'Après 10', version: 21 });
    expect(await platformUser(stack.platform)).toMatchObject({ firstName: 'Version de B' });
  });

  it('sends each change by itself to a platform without the batch path', async () => {
    const a = await desktop('a');
    stack.proxy.rule = ({ path }) =>
      path.startsWith('/sync/push')
        ? {
            kind: 'answer',
            status: 404,
            body: { title: 'Introuvable', status: 404, detail: 'Route inconnue.' },
          }
        : undefined;
    for (const tradeName of ['Un', 'Deux', 'Trois']) await a.editStructure({ tradeName });
    await a.ok('account.update', { firstName: 'Clara' });
    expect(await a.syncNow()).toMatchObject({ pending: 0, parked: 0, conflicts: 0 });
    expect(stack.proxy.requests('POST', '/sync/push')).toHaveLength(1);
    expect(stack.proxy.requests('PATCH', '/structure')).toHaveLength(3);
    expect(await platformStructure(stack.platform)).toMatchObject({ tradeName: 'Trois', version: 4 });
    await expectConverged(stack, [a]);
  });

  it('counts every change of a batch whose answer was lost as sent, and the resend applies none twice', async () => {
    const a = await desktop('a');
    for (const tradeName of ['Un', 'Deux']) await a.editStructure({ tradeName });
    stack.proxy.rule = ({ path }) =>
      path.startsWith('/sync/push') ? { kind: 'reset-after-forward' } : undefined;
    const offline = await a.syncNow();
    expect(offline.pending).toBe(2);
    // Each may have arrived (a deletion among them would no longer be cancelled as never sent).
    const file = accountDatabaseFile(a.dataDir, (await platformUser(stack.platform)).id);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('select attempts from outbox order by position').all()).toEqual([
      { attempts: 1 },
      { attempts: 1 },
    ]);
    db.close();
    stack.proxy.rule = () => undefined;
    // Applied by the platform although the desktop never heard it: sent again, applied once.
    expect(await platformStructure(stack.platform)).toMatchObject({ tradeName: 'Deux', version: 3 });
    await expectConverged(stack, [a]);
    expect(await platformStructure(stack.platform)).toMatchObject({ tradeName: 'Deux', version: 3 });
  });
});
