import { afterEach, describe, expect, it } from 'vitest';
import { profileToColumns } from '../../../../shared/db/profile-rows';
import { employerToColumns, offerToColumns, structureToColumns } from '../../../../shared/db/rows';
import { applicationColumnsBefore0011 } from './fixture';
import type { Employer } from '../../../../shared/domain/employers';
import { OFFER_ID, sampleApplication, sampleStructure } from '../../../../tests/support/applications';
import { sampleProfile } from '../../../../tests/support/profiles';
import { published, sampleOffer } from '../../../../tests/support/scripted-engine';
import { kindBase } from '../../search/search-index';
import { schemaBefore, type MigrationFixture } from './fixture';

let fixture: MigrationFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const offer = published(sampleOffer(OFFER_ID, { title: 'Pâtissier·ère Søren' }), 12);
const base = sampleApplication('a3000000-0000-4000-8000-000000000003', { number: 7 });
const application = { ...base, offerTitle: offer.title, profile: { ...base.profile!, firstName: 'Łukasz' } };
const profile = sampleProfile(undefined, { lastName: 'Etcheverry' });
const employer: Employer = {
  id: '7f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  siret: '12345678900011',
  legalName: 'SARL BRASSERIE DU PORT',
  tradeName: 'Brasserie du Port',
  nafCode: '56.10A',
  nafLabel: 'Restauration traditionnelle',
  address: {
    street: '2 quai des Chartrons',
    postalCode: '33000',
    communeCode: '33063',
    communeName: 'Bordeaux',
  },
  contactLastName: 'Larrieu',
  contactFirstName: 'Maïté',
  contactMail: 'maite.larrieu@exemple.fr',
  contactPhone: '+33556123456',
  status: 'acceptee',
  refusalReason: null,
  createdBy: 'Claire Lacoste',
  createdAt: '2026-01-10T09:00:00.000Z',
  version: 1,
  updatedAt: '2026-01-10T09:00:00.000Z',
};

const matches = (query: string) =>
  fixture!.sqlite
    .prepare('select rowid from search_fts where search_fts match ? order by rowid')
    .all(query)
    .map((row) => BigInt((row as { rowid: number }).rowid));

describe('migration 0009_search_prefixes', () => {
  it('makes the full-text index again with prefix indexes of 1 to 7 letters, from the rows here', async () => {
    fixture = await schemaBefore('0009_search_prefixes');
    fixture.insert('structure', structureToColumns(sampleStructure()));
    fixture.insert('employer', employerToColumns(employer));
    fixture.insert('offer', {
      ...offerToColumns(offer),
      title_key: 'patissier ere soren',
      employer_key: 'brasserie du port',
      number_key: 12,
    });
    fixture.insert('application', {
      ...applicationColumnsBefore0011(application),
      applicant_key: 'lukasz darrigrand',
      offer_key: 'patissier ere soren',
    });
    fixture.insert('profile', profileToColumns(profile));
    // A document whose row is gone (never left the index): the index made again forgets it.
    const stale = kindBase('offer') + 99n;
    fixture.insert('search_fts', { rowid: stale, title: 'fantome', body: 'fantome' });
    expect(matches('"fant"*')).toEqual([stale]);

    expect(await fixture.migrate()).toEqual(['0009_search_prefixes']);

    const definition = fixture.sqlite
      .prepare("select sql from sqlite_master where name = 'search_fts'")
      .pluck()
      .get() as string;
    expect(definition).toContain("prefix='1 2 3 4 5 6 7'");
    expect(definition).toContain("tokenize='unicode61 remove_diacritics 2'");
    expect(definition).toContain('contentless_delete=1');
    // Every kind's row under its number (kind's base + rowid), its words folded as written today.
    const [offerDoc, employerDoc, applicationDoc, profileDoc] = [
      kindBase('offer') + 1n,
      kindBase('employer') + 1n,
      kindBase('application') + 1n,
      kindBase('profile') + 1n,
    ];
    expect(matches('"fant"*')).toEqual([]);
    expect(matches('"sore"*')).toEqual([offerDoc, applicationDoc]);
    expect(matches('{title} : ("patiss"*)')).toEqual([offerDoc]);
    expect(matches('{title} : ("brasser"*)')).toEqual([employerDoc]);
    expect(matches('"maite"*')).toEqual([employerDoc]);
    expect(matches('"lukasz"')).toEqual([applicationDoc]);
    expect(matches('"etchev"* AND "bordeaux"*')).toEqual([profileDoc]);
    expect(matches('{body} : ("patisserie"*)')).toEqual([profileDoc]);
  });

  it('runs on an empty database', async () => {
    fixture = await schemaBefore('0009_search_prefixes');
    expect(await fixture.migrate()).toEqual(['0009_search_prefixes']);
    expect(matches('"a"*')).toEqual([]);
  });
});
