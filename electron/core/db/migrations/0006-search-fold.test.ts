import { afterEach, describe, expect, it } from 'vitest';
import { offerToColumns, structureToColumns } from '../../../../shared/db/rows';
import { applicationColumnsBefore0011 } from './fixture';
import { OFFER_ID, sampleApplication, sampleStructure } from '../../../../tests/support/applications';
import { published, sampleOffer } from '../../../../tests/support/scripted-engine';
import { schemaBefore, type MigrationFixture } from './fixture';

const OFFER_DOCUMENT = Number(2n ** 40n + 1n);
const APPLICATION_DOCUMENT = Number(3n * 2n ** 40n + 1n);
const offer = published(
  sampleOffer(OFFER_ID, { title: 'Atelier Søren – Straße', employerName: 'Cœur d’Ørsted' }),
  12,
);
const base = sampleApplication('a3000000-0000-4000-8000-000000000003', { number: 7 });
const application = { ...base, offerTitle: offer.title, profile: { ...base.profile!, firstName: 'Łukasz' } };

let fixture: MigrationFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const matches = (query: string) =>
  fixture!.sqlite.prepare('select rowid from search_fts where search_fts match ? order by rowid').all(query);

describe('migration 0006_search_fold', () => {
  it('makes again the keys and index words that the shared fold now spells differently', async () => {
    fixture = await schemaBefore('0006_search_fold');
    fixture.insert('structure', structureToColumns(sampleStructure()));
    // As 0005 stored them: "Søren" cut into "s ren", "ß" dropped, the tokenizer keeping ø and ß.
    fixture.insert('offer', {
      ...offerToColumns(offer),
      title_key: 'atelier s ren stra e',
      employer_key: 'coeur d rsted',
      number_key: 12,
    });
    fixture.insert('application', {
      ...applicationColumnsBefore0011(application),
      applicant_key: 'ukasz darrigrand',
      offer_key: 'atelier s ren stra e',
    });
    fixture.insert('rome', {
      code: 'G1602',
      label: 'Personnel de cuisine',
      domain_code: 'G',
      search: 'personnel de cuisine',
    });
    fixture.insert('search_fts', {
      rowid: BigInt(OFFER_DOCUMENT),
      title: '12 Atelier Søren – Straße',
      body: 'Personnel de cuisine Coeur d’Ørsted Bordeaux',
    });
    expect(matches('soren')).toEqual([]);

    expect(await fixture.migrate()).toEqual(['0006_search_fold']);

    expect(fixture.sqlite.prepare('select title_key, employer_key from offer').get()).toEqual({
      title_key: 'atelier soren strasse',
      employer_key: 'coeur d orsted',
    });
    expect(fixture.sqlite.prepare('select applicant_key, offer_key from application').get()).toEqual({
      applicant_key: 'lukasz darrigrand',
      offer_key: 'atelier soren strasse',
    });
    expect(fixture.sqlite.prepare('select search from rome').get()).toEqual({
      search: 'personnel de cuisine',
    });
    // The application (its offer's title in its body) had no document here: it has one now.
    expect(matches('soren')).toEqual([{ rowid: OFFER_DOCUMENT }, { rowid: APPLICATION_DOCUMENT }]);
    expect(matches('strasse orsted')).toEqual([{ rowid: OFFER_DOCUMENT }]);
    expect(matches('lukasz')).toEqual([{ rowid: APPLICATION_DOCUMENT }]);
  });
});
