import { afterEach, describe, expect, it } from 'vitest';
import { schemaBefore, type MigrationFixture } from './fixture';

let fixture: MigrationFixture | undefined;
afterEach(() => fixture?.close());

const ACCOUNT = {
  id: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
  mail: 'camille.referent@example.fr',
  first_name: 'Camille',
  last_name: 'Lefèvre',
  mobile: '0612345678',
  structure_id: null,
  role: null,
  created_at: '2026-01-05T09:00:00.000Z',
  fetched_at: '2026-01-05T09:00:01.000Z',
};

describe('migration 0002_sync', () => {
  it('versions the cached account (dropping its fetch date) and adds members, shadows and the outbox', async () => {
    fixture = await schemaBefore('0002_sync');
    fixture.insert('account', ACCOUNT);
    fixture.insert('meta', { key: 'sync.lastSyncAt', value: '2026-01-05T09:00:02.000Z' });
    expect(await fixture.migrate()).toEqual(['0002_sync']);

    const { fetched_at: _dropped, ...kept } = ACCOUNT;
    // The account cached before sync existed counts as the platform's first version, synced.
    expect(fixture.sqlite.prepare('select * from account').all()).toEqual([
      { ...kept, version: 1, sync_state: 'synced' },
    ]);
    expect(fixture.columns('account')).not.toContain('fetched_at');
    expect(fixture.sqlite.prepare('select * from meta').all()).toEqual([
      { key: 'sync.lastSyncAt', value: '2026-01-05T09:00:02.000Z' },
    ]);
    expect(fixture.tables()).toEqual(expect.arrayContaining(['member', 'shadow', 'outbox']));
    expect(fixture.indexes('outbox')).toEqual(['outbox_blocked', 'outbox_entity']);

    // Outbox rows are numbered in the order they are written, and start pending.
    const change = {
      entity: 'structure',
      entity_id: 's1',
      operation: 'update',
      payload: '{}',
      base: '{}',
      created_at: '2026-01-05T10:00:00.000Z',
    };
    fixture.insert('outbox', { id: 'c1', ...change });
    fixture.insert('outbox', { id: 'c2', ...change });
    expect(fixture.sqlite.prepare('select position, id, state, attempts from outbox').all()).toEqual([
      { position: 1, id: 'c1', state: 'pending', attempts: 0 },
      { position: 2, id: 'c2', state: 'pending', attempts: 0 },
    ]);
    expect(() => fixture!.insert('outbox', { id: 'c1', ...change })).toThrow(/UNIQUE/);
    // Only refused and conflicting changes are in the partial index.
    const plan = fixture.sqlite
      .prepare(
        "explain query plan select id from outbox where entity = 'structure' and entity_id = 's1' and state != 'pending'",
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join(' ')).toContain('outbox_blocked');
  });
});
