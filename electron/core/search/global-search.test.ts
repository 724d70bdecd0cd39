import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Employer } from '../../../shared/domain/employers';
import { sampleApplication } from '../../../tests/support/applications';
import {
  EMPLOYER_ID,
  me,
  published,
  sampleOffer,
  SOMEONE_ELSE,
  useScriptedEngine,
} from '../../../tests/support/scripted-engine';
import { cacheProfile } from '../profiles/cache';
import { sampleProfile, withdrawn } from '../../../tests/support/profiles';
import { storeMembership } from '../session/local-session';
import { syncEntities } from '../sync/entities';
import { ftsQuery, MAX_TERMS } from './fts-query';
import { searchEverything } from './global-search';
import { kindBase } from './search-index';

// The global search (Ctrl+K) over this desktop's offers, employers, applications and profiles:
// one full-text index kept by the same transactions as the rows, accents and case aside, and
// whatever the user types read as words.

const scripted = useScriptedEngine();

const employer: Employer = {
  id: EMPLOYER_ID,
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
const offer = published(
  sampleOffer('0f000000-0000-4000-8000-000000000001', { title: 'Élève pâtissier' }),
  12,
);
const provisional = sampleOffer('0f000000-0000-4000-8000-000000000002', {
  title: 'Commis de cœur de cuisine',
});
const application = sampleApplication('a6000000-0000-4000-8000-000000000001', {
  number: 5,
  offerId: offer.id,
  offerTitle: offer.title,
});
const profile = sampleProfile();

async function desktopWithData(): Promise<void> {
  const { engine, store } = scripted();
  await engine.applyServerRows(syncEntities.employer, [employer]);
  await engine.applyServerRows(syncEntities.offer, [offer]);
  await engine.create(syncEntities.offer, provisional, {});
  await engine.applyServerRows(syncEntities.application, [application]);
  await store.write((tx) => cacheProfile(tx, profile));
}

const search = (q: string, limit = 5) => scripted().store.read((tx) => searchEverything(tx, q, limit));
const titles = async (q: string) =>
  (await search(q)).groups.flatMap((group) => group.hits.map((hit) => `${group.kind}: ${hit.title}`));

describe('the FTS query of a search box', () => {
  it('makes each word a quoted prefix term, all required', () => {
    expect(ftsQuery('eleve patis')).toBe('"eleve"* AND "patis"*');
    expect(ftsQuery('  Saint-Pée  ')).toBe('"saint-pee"*');
  });

  it('reads quotes, stars, NEAR and SQL as words, and gives no query without a word', () => {
    expect(ftsQuery('a"b')).toBe('"a""b"*');
    expect(ftsQuery('NEAR(cuisine patisserie)')).toBe('"near(cuisine"* AND "patisserie)"*');
    expect(ftsQuery("'; DROP TABLE offer; --")).toBe('"drop"* AND "table"* AND "offer;"*');
    expect(ftsQuery('cœur')).toBe('"coeur"*');
    expect(ftsQuery('Søren Łódź')).toBe('"soren"* AND "lodz"*');
    for (const nothing of ['', '   ', '"', '*', '""', '-- ;', '()']) expect(ftsQuery(nothing)).toBeNull();
  });
});

describe('the FTS query of a long search', () => {
  it('keeps the first eight words, and a one-letter word only when typed last', () => {
    expect(ftsQuery('jean p')).toBe('"jean"* AND "p"*');
    expect(ftsQuery('a cuisine b bordeaux')).toBe('"cuisine"* AND "bordeaux"*');
    expect(ftsQuery('l’ eau')).toBe('"eau"*');
    expect(ftsQuery('12 5')).toBe('"12"* AND "5"*');
    // 200 characters of single letters: one prefix scan, not a hundred.
    expect(ftsQuery('a '.repeat(100))).toBe('"a"*');
    expect(ftsQuery(`${'x '.repeat(99)}yz`)).toBe('"yz"*');
    const words = ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'];
    expect(ftsQuery(words.join(' '))).toBe(
      words
        .slice(0, MAX_TERMS)
        .map((word) => `"${word}"*`)
        .join(' AND '),
    );
    expect(MAX_TERMS).toBe(8);
  });
});

describe('the global search', () => {
  it('folds names the tokenizer alone keeps whole: ø, ß, ł, ﬁ, typographic dashes', async () => {
    const { engine } = scripted();
    const named = (n: number, title: string) =>
      published(sampleOffer(`0f000000-0000-4000-8000-00000000010${n}`, { title }), 100 + n);
    await engine.applyServerRows(syncEntities.offer, [
      named(1, 'Søren Ørsted'),
      named(2, 'Straße de Łódź'),
      named(3, 'Fleuriste ﬁlière'),
      named(4, 'Saint\u2011Étienne'),
    ]);
    expect(await titles('soren orsted')).toEqual(['offer: N° 101 — Søren Ørsted']);
    expect(await titles('strasse lodz')).toEqual(['offer: N° 102 — Straße de Łódź']);
    expect(await titles('filiere')).toEqual(['offer: N° 103 — Fleuriste ﬁlière']);
    expect(await titles('Saint-Étienne')).toEqual(['offer: N° 104 — Saint\u2011Étienne']);
    expect(await titles('Søren')).toEqual(['offer: N° 101 — Søren Ørsted']);
  });

  it('finds each kind by a word without its accents, grouped in the order of the kinds', async () => {
    await desktopWithData();
    expect(await titles('eleve')).toEqual([
      'offer: N° 12 — Élève pâtissier',
      'application: Candidature n° 5 — Émilie Darrigrand',
      'profile: Inès Laborde — Personnel de cuisine',
    ]);
    // The most recently indexed first; Émilie's profile came with her application.
    expect(await titles('brass')).toEqual([
      'offer: Offre provisoire — Commis de cœur de cuisine',
      'offer: N° 12 — Élève pâtissier',
      'employer: Brasserie du Port',
      'application: Candidature n° 5 — Émilie Darrigrand',
      'profile: Émilie Darrigrand — Personnel de cuisine',
    ]);
    expect(await titles('coeur')).toEqual(['offer: Offre provisoire — Commis de cœur de cuisine']);
    expect(await titles('ines laborde')).toEqual(['profile: Inès Laborde — Personnel de cuisine']);
    const [group] = (await search('maite larrieu')).groups;
    expect(group).toEqual({
      kind: 'employer',
      hits: [
        { kind: 'employer', id: EMPLOYER_ID, title: 'Brasserie du Port', detail: 'Bordeaux · Acceptée' },
      ],
    });
    expect((await search('12 eleve')).groups[0]!.hits[0]).toMatchObject({
      detail: 'Brasserie du Port · Bordeaux · En cours',
    });
  });

  it('answers normally whatever is typed', async () => {
    await desktopWithData();
    for (const q of [
      '"',
      '*',
      'NEAR',
      "'; DROP TABLE offer; --",
      'élève"',
      'eleve*',
      '{title}:',
      'AND OR NOT',
    ])
      await expect(search(q)).resolves.toEqual(expect.objectContaining({ groups: expect.any(Array) }));
    expect(await titles('"')).toEqual([]);
    expect(await titles('eleve*')).toEqual(await titles('eleve'));
  });

  it('follows the rows as they change and go, and limits each group', async () => {
    await desktopWithData();
    const { engine } = scripted();
    await engine.update(syncEntities.offer, offer.id, { title: 'Apprenti boulanger' });
    expect(await titles('eleve')).not.toContain('offer: N° 12 — Élève pâtissier');
    expect(await titles('boulanger')).toEqual(['offer: N° 12 — Apprenti boulanger']);

    // The candidate deleted the profile: the application stays, without its name.
    await engine.applyServerRows(syncEntities.application, [withdrawn(application, 2)]);
    expect(await titles('darrigrand')).toEqual([]);
    expect(await titles('5')).toEqual(['application: Candidature n° 5 — Candidat (données supprimées)']);

    const more = Array.from({ length: 8 }, (_, i) =>
      published(sampleOffer(`0f000000-0000-4000-8000-0000000001${i}0`, { title: `Boulanger ${i}` }), 20 + i),
    );
    await engine.applyServerRows(syncEntities.offer, more);
    expect((await search('boulanger', 3)).groups[0]!.hits).toHaveLength(3);
  });

  it('leaves the words of a row pulled again in the same version as they are', async () => {
    const { engine, store } = scripted();
    await engine.applyServerRows(syncEntities.offer, [offer]);
    // The offer's document made a marker: only a rewrite of it would bring its words back.
    await store.write((tx) => {
      const { rowid } = tx.get<{ rowid: number }>('select rowid from offer where id = ?', [offer.id])!;
      tx.exec('insert or replace into search_fts (rowid, title, body) values (?, ?, ?)', [
        kindBase('offer') + BigInt(rowid),
        'marqueur',
        '',
      ]);
    });
    // A pull from the start brings the same version again: its document is not written again.
    await engine.applyServerRows(syncEntities.offer, [offer]);
    expect(await titles('marqueur')).toEqual(['offer: N° 12 — Élève pâtissier']);
    expect(await titles('eleve')).toEqual([]);
    // A newer version is.
    await engine.applyServerRows(syncEntities.offer, [{ ...offer, version: 2 }]);
    expect(await titles('marqueur')).toEqual([]);
    expect(await titles('eleve')).toEqual(['offer: N° 12 — Élève pâtissier']);
  });

  it('forgets what leaves this desktop: hidden offers, a structure left', async () => {
    const { engine, store } = scripted();
    const theirs = published(
      sampleOffer('0f000000-0000-4000-8000-000000000003', {
        title: 'Serveuse en salle',
        sharedWithStructure: false,
        createdBy: SOMEONE_ELSE,
      }),
      30,
    );
    await engine.applyServerRows(syncEntities.account, [me('referent')]);
    await engine.applyServerRows(syncEntities.offer, [offer, theirs]);
    await engine.applyServerRows(syncEntities.application, [application]);
    expect(await titles('serveuse')).toEqual(['offer: N° 30 — Serveuse en salle']);
    // No longer référent: the unshared offers of others leave, and their words with them.
    await engine.applyServerRows(syncEntities.account, [me('gestionnaire', 2)]);
    expect(await titles('serveuse')).toEqual([]);

    // Removed from the structure: nothing of it stays, the profiles seen through it included.
    await storeMembership(store, {
      user: { ...me(null, 3), structureId: null },
      structure: null,
      joinRequest: null,
    });
    expect(await titles('eleve')).toEqual([]);
    const left = await store.read((tx) => ({
      documents: tx.first(sql`select count(*) as n from search_fts`),
      profiles: tx.first(sql`select count(*) as n from profile`),
    }));
    expect(left).toEqual({ documents: { n: 0 }, profiles: { n: 0 } });
  });
});
