import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/domain/sync';
import { accountDatabaseFile } from '../../electron/core/db/open';
import { DEMO_REFERENT } from '../../platform/seed/demo';
import { recordUser } from '../../platform/sync/log';
import { ChildDesktop } from './support/child-desktop';
import { appliedChanges, platformStructure, platformUser, startStack, type Stack } from './support/harness';

let stack: Stack;
const children: ChildDesktop[] = [];

async function child(name: string, extra: { PAUSE_PULL_AT_ROW?: string; PAGE_SIZE?: string } = {}) {
  const desktop = await ChildDesktop.start({
    CORE_DATA: path.join(stack.root, name),
    PLATFORM_URL: stack.proxy.url,
    ...extra,
  });
  children.push(desktop);
  return desktop;
}

async function signIn(desktop: ChildDesktop) {
  await desktop.ok('auth.login', { mail: DEMO_REFERENT.mail, password: DEMO_REFERENT.password });
}

beforeEach(async () => {
  stack = await startStack();
});

afterEach(async () => {
  for (const c of children.splice(0)) await c.kill();
  await stack.close();
});

/** Forty more members in the demo structure: a page of several rows to cut in two. */
async function addMembers(count: number) {
  const { platform } = stack;
  const referent = await platformUser(platform);
  await platform.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const now = new Date().toISOString();
      const row = await trx
        .insertInto('users')
        .values({
          id: randomUUID(),
          mail: `gestionnaire${i}@cfa-demo.fr`,
          password_hash: 'x',
          first_name: `Prénom${i}`,
          last_name: `Nom${i}`,
          mobile: '+33600000000',
          consent_at: now,
          structure_id: referent.structureId,
          structure_joined_at: now,
          role: 'gestionnaire',
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordUser(trx, row);
    }
  });
  return referent;
}

async function platformMembers(structureId: string) {
  const members = await stack.platform.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('structure_id', '=', structureId)
    .executeTakeFirstOrThrow();
  return Number(members.n);
}

async function platformLastSeq(structureId: string) {
  const row = await stack.platform.db
    .selectFrom('structure_sequences')
    .select('last_seq')
    .where('structure_id', '=', structureId)
    .executeTakeFirstOrThrow();
  return String(row.last_seq);
}

describe('crashes (SIGKILL of the desktop process)', () => {
  it('9. killed in the middle of a push, after the platform applied it: resent at restart, applied once', async () => {
    const first = await child('a');
    await signIn(first);
    await first.ok('sync.now');
    await first.ok('structure.update', { tradeName: 'Coupure de courant' });
    stack.proxy.rule = ({ method }) => (method === 'PATCH' ? { kind: 'hold' } : undefined);
    void first.invoke('sync.now');
    await stack.proxy.whenHolding();
    // The platform has applied the change; its answer never reaches the desktop.
    expect(await platformStructure(stack.platform)).toMatchObject({
      tradeName: 'Coupure de courant',
      version: 2,
    });
    await first.kill();
    stack.proxy.release();
    stack.proxy.rule = () => undefined;

    const again = await child('a');
    const status = await again.ok<SyncStatus>('sync.now');
    expect(status).toMatchObject({ pending: 0, parked: 0, conflicts: 0 });
    const keys = stack.proxy.requests('PATCH', '/structure').map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(await platformStructure(stack.platform)).toMatchObject({
      tradeName: 'Coupure de courant',
      version: 2,
    });
    expect(await appliedChanges(stack.platform)).toBe(1);
    expect(await again.ok('structure.get')).toMatchObject({
      tradeName: 'Coupure de courant',
      version: 2,
      syncState: 'synced',
    });
  });

  it('10. killed in the middle of a first sync batch: none of the batch is kept, the next start loads it whole', async () => {
    const referent = await addMembers(40);

    const first = await child('a', { PAUSE_PULL_AT_ROW: '20', PAGE_SIZE: '100' });
    void first.invoke('auth.login', { mail: DEMO_REFERENT.mail, password: DEMO_REFERENT.password });
    await first.printed('PAUSED');
    await first.kill();

    const file = accountDatabaseFile(path.join(stack.root, 'a'), referent.id);
    const cut = new Database(file, { readonly: true });
    expect(cut.prepare('select count(*) as n from member').get()).toEqual({ n: 0 });
    expect(cut.prepare("select count(*) as n from meta where key like 'sync.cursor:%'").get()).toEqual({
      n: 0,
    });
    cut.close();

    const again = await child('a');
    await again.ok('sync.now');
    const after = new Database(file, { readonly: true });
    expect(after.prepare('select count(*) as n from member').get()).toEqual({
      n: await platformMembers(referent.structureId!),
    });
    expect(after.prepare("select value from meta where key like 'sync.cursor:%'").get()).toEqual({
      value: await platformLastSeq(referent.structureId!),
    });
    after.close();
  });

  it('10b. killed in the middle of an incremental pull page: the cursor stays, the next start pulls the page whole', async () => {
    const first = await child('a');
    await signIn(first);
    await first.ok('sync.now');
    await first.kill();
    const referent = await platformUser(stack.platform);
    const file = accountDatabaseFile(path.join(stack.root, 'a'), referent.id);
    const before = new Database(file, { readonly: true });
    const membersBefore = before.prepare('select count(*) as n from member').get();
    const cursorBefore = before.prepare("select value from meta where key like 'sync.cursor:%'").get();
    before.close();

    await addMembers(40);
    const paused = await child('a', { PAUSE_PULL_AT_ROW: '20', PAGE_SIZE: '100' });
    void paused.invoke('sync.now');
    await paused.printed('PAUSED');
    await paused.kill();
    const cut = new Database(file, { readonly: true });
    expect(cut.prepare('select count(*) as n from member').get()).toEqual(membersBefore);
    expect(cut.prepare("select value from meta where key like 'sync.cursor:%'").get()).toEqual(cursorBefore);
    cut.close();

    const again = await child('a');
    await again.ok('sync.now');
    const after = new Database(file, { readonly: true });
    expect(after.prepare('select count(*) as n from member').get()).toEqual({
      n: await platformMembers(referent.structureId!),
    });
    expect(after.prepare("select value from meta where key like 'sync.cursor:%'").get()).toEqual({
      value: await platformLastSeq(referent.structureId!),
    });
    after.close();
  });
});
