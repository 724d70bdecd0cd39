import { afterEach, describe, expect, it } from 'vitest';
import { schemaBefore, type MigrationFixture } from './fixture';

let fixture: MigrationFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const columnsOf = (f: MigrationFixture, index: string) =>
  f.sqlite
    .prepare<[string], { name: string }>('select name from pragma_index_info(?) order by seqno')
    .all(index)
    .map((row) => row.name);

describe('migration 0008_covering_list_indexes', () => {
  it('widens the sort indexes of "Mes offres" with the broad filters, under the same names', async () => {
    fixture = await schemaBefore('0008_covering_list_indexes');
    expect(columnsOf(fixture, 'offer_status_title')).toEqual(['status', 'title_key', 'id']);
    expect(await fixture.migrate()).toEqual(['0008_covering_list_indexes']);
    for (const [index, sort] of [
      ['offer_status_created', 'created_at'],
      ['offer_status_number', 'number_key'],
      ['offer_status_title', 'title_key'],
      ['offer_status_employer_name', 'employer_key'],
      ['offer_status_start', 'start_date'],
    ] as const)
      expect(columnsOf(fixture, index)).toEqual(['status', sort, 'id', 'contract_type', 'commune_code']);
    // The filters' own indexes stay: they count a filtered tab and serve the selective filters.
    expect(fixture.indexes('offer')).toEqual(
      expect.arrayContaining(['offer_employer', 'offer_status_commune', 'offer_status_contract']),
    );
  });
});
