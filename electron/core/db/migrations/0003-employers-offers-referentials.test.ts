import { afterEach, describe, expect, it } from 'vitest';
import { structureToColumns } from '../../../../shared/db/rows';
import { sampleStructure } from '../../../../tests/support/applications';
import { schemaBefore, type MigrationFixture } from './fixture';

let fixture: MigrationFixture | undefined;
afterEach(() => fixture?.close());

describe('migration 0003_employers_offers', () => {
  it('adds employers, offers with the indexes of « Mes offres », and the referentials; keeps what was cached', async () => {
    fixture = await schemaBefore('0003_employers_offers');
    const { reply_templates: _templates, ...structure } = structureToColumns(sampleStructure());
    fixture.insert('structure', { ...structure, sync_state: 'pending' });
    fixture.insert('shadow', {
      entity: 'structure',
      id: structure.id,
      version: 1,
      data: '{"legalName":"Avant"}',
    });
    fixture.insert('meta', { key: `sync.cursor:${structure.id}`, value: '42' });
    expect(await fixture.migrate()).toEqual(['0003_employers_offers']);

    expect(fixture.sqlite.prepare('select id, sync_state from structure').all()).toEqual([
      { id: structure.id, sync_state: 'pending' },
    ]);
    expect(fixture.sqlite.prepare('select entity, version, data from shadow').all()).toEqual([
      { entity: 'structure', version: 1, data: '{"legalName":"Avant"}' },
    ]);
    // Nothing of the feed was skipped before: the cursor stays.
    expect(fixture.sqlite.prepare('select value from meta').all()).toEqual([{ value: '42' }]);

    expect(fixture.tables()).toEqual(
      expect.arrayContaining(['employer', 'offer', 'rome', 'diploma', 'commune']),
    );
    expect(fixture.indexes('employer')).toEqual(['employer_created', 'employer_siret']);
    expect(fixture.indexes('offer')).toEqual([
      'offer_employer',
      'offer_status_commune',
      'offer_status_contract',
      'offer_status_created',
      'offer_status_employer_name',
      'offer_status_number',
      'offer_status_rome',
      'offer_status_start',
      'offer_status_title',
    ]);
    expect(fixture.columns('offer')).toEqual(
      expect.arrayContaining(['title_key', 'employer_key', 'number_key']),
    );
    expect(fixture.columns('commune')).toEqual([
      'code',
      'name',
      'postal_code',
      'departement_code',
      'latitude',
      'longitude',
      'search',
    ]);
  });
});
