import { afterEach, describe, expect, it } from 'vitest';
import { structureToColumns } from '../../../../shared/db/rows';
import { sampleStructure } from '../../../../tests/support/applications';
import { schemaBefore, type MigrationFixture } from './fixture';

let fixture: MigrationFixture | undefined;
afterEach(() => fixture?.close());

describe('migration 0001_account_and_structure', () => {
  it('creates meta, structure and account on an empty file', async () => {
    fixture = await schemaBefore('0001_account_and_structure');
    expect(fixture.tables()).toEqual(['kysely_migration', 'kysely_migration_lock']);
    expect(await fixture.migrate()).toEqual(['0001_account_and_structure']);

    expect(fixture.tables()).toEqual([
      'account',
      'kysely_migration',
      'kysely_migration_lock',
      'meta',
      'structure',
    ]);
    expect(fixture.columns('meta')).toEqual(['key', 'value']);
    expect(fixture.columns('account')).toEqual([
      'id',
      'mail',
      'first_name',
      'last_name',
      'mobile',
      'structure_id',
      'role',
      'created_at',
      'fetched_at',
    ]);
    // A structure row of that version (no reply templates yet) is synced unless said otherwise.
    const { reply_templates: _templates, ...columns } = structureToColumns(sampleStructure());
    fixture.insert('structure', columns);
    expect(fixture.sqlite.prepare('select sync_state from structure').get()).toEqual({
      sync_state: 'synced',
    });
    expect(fixture.columns('structure')).not.toContain('reply_templates');
  });
});
