import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractTypes, offerStatuses, type Offer } from '../../../shared/domain/offers';
import { offersListQuerySchema, type OffersListQuery } from '../../../shared/ipc/contract';
import { sampleOffer } from '../../../tests/support/scripted-engine';
import { openLocalDatabase, type LocalStore } from '../db/open';
import { syncEntities } from '../sync/entities';
import { writeView } from '../sync/local-state';
import { countOffers, listOffers, offersListSql } from './local-offers';

// "Mes offres" at 20,000 offers: every tab, filter and sort answers from an index.

const OFFERS = 20_000;
const employers = Array.from({ length: 400 }, (_, i) => ({ id: randomUUID(), name: `Employeur ${i}` }));
const titles = ['Électricien', 'Cuisinier', 'Boulanger', 'Vendeur', 'Zingueur'];
let dir = '';
let store: LocalStore;
const all: Offer[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'offers-list-'));
  store = await openLocalDatabase(path.join(dir, 'local.sqlite'));
  for (let i = 0; i < OFFERS; i++) {
    const employer = employers[(i * 7) % employers.length]!;
    all.push(
      sampleOffer(randomUUID(), {
        number: i % 50 === 0 ? null : i + 1,
        version: i % 50 === 0 ? 0 : 1,
        title: `${titles[i % titles.length]} ${i}`,
        employerId: employer.id,
        employerName: employer.name,
        romeCode: `D${1000 + (i % 300)}`,
        communeCode: String(33000 + (i % 500)),
        contractType: contractTypes[i % 3]!,
        status: offerStatuses[i % 5 < 3 ? 0 : (i % 5) - 2]!,
        startDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
        createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      }),
    );
  }
  await store.write((tx) => {
    for (const offer of all) writeView(tx, syncEntities.offer, offer, 'synced');
  });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const query = (input: Partial<OffersListQuery>) =>
  offersListQuerySchema.parse({ status: 'en_cours', ...input });

/** SQLite's plan for a page's two queries. */
function plans(input: Partial<OffersListQuery>): string[] {
  const { rows, total } = offersListSql(query(input));
  return [rows, total].map((built) => {
    const compiled = built.compile(store.db);
    return store.sqlite
      .prepare(`explain query plan ${compiled.sql}`)
      .all(...(compiled.parameters as unknown[]))
      .map((row) => (row as { detail: string }).detail)
      .join(' | ');
  });
}

const employer = employers[3]!.id;
const shapes: Array<Partial<OffersListQuery>> = [
  {},
  { direction: 'asc' },
  { sort: 'number' },
  { sort: 'title', direction: 'asc' },
  { sort: 'employer' },
  { sort: 'startDate' },
  { employerId: employer },
  { employerId: employer, sort: 'title' },
  { romeCode: 'D1010' },
  { romeCode: 'D1010', contractType: 'stage', sort: 'startDate' },
  { contractType: 'stage' },
  { contractType: 'stage', sort: 'employer' },
  { communeCode: '33010', sort: 'number' },
  { employerId: employer, romeCode: 'D1010', communeCode: '33010' },
  { offset: 5_000 },
];

describe('"Mes offres" at 20,000 offers', () => {
  it.each(shapes)('reads %o through an index, never the whole table', (shape) => {
    const [rows, total] = plans(shape);
    for (const plan of [rows!, total!]) {
      expect(plan).toMatch(/USING (COVERING )?INDEX/);
      expect(plan).not.toMatch(/SCAN offer(?! USING)/);
    }
    // Without a selective filter, the page comes in the index's order: nothing is sorted.
    if (!shape.employerId && !shape.romeCode && !shape.communeCode) expect(rows).not.toContain('TEMP B-TREE');
  });

  it('answers one tab filtered, sorted and paged, with the number of matches', async () => {
    const expected = all
      .filter((o) => o.status === 'en_cours' && o.employerId === employer)
      .sort((a, b) => a.title.localeCompare(b.title, 'fr') || a.id.localeCompare(b.id));
    const page = await listOffers(
      store,
      query({ employerId: employer, sort: 'title', direction: 'asc', limit: 5, offset: 2 }),
    );
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((o) => o.id)).toEqual(expected.slice(2, 7).map((o) => o.id));

    // Provisional offers (no number yet) come first from the newest numbers down.
    const byNumber = await listOffers(store, query({ sort: 'number', limit: 3 }));
    expect(byNumber.rows[0]!.number).toBeNull();

    const searched = await listOffers(store, query({ q: 'electricien 1', limit: 500 }));
    expect(searched.rows.length).toBeGreaterThan(0);
    for (const offer of searched.rows) expect(offer.title).toMatch(/^Électricien 1/);
  });

  it('pages through a tab without repeating or skipping an offer', async () => {
    const seen = new Set<string>();
    const first = await listOffers(store, query({ sort: 'startDate', limit: 500 }));
    for (let offset = 0; offset < first.total; offset += 500) {
      const page = await listOffers(store, query({ sort: 'startDate', limit: 500, offset }));
      for (const offer of page.rows) seen.add(offer.id);
    }
    expect(seen.size).toBe(first.total);
  });

  it('counts each tab', async () => {
    const counts = await countOffers(store);
    for (const status of offerStatuses)
      expect(counts[status]).toBe(all.filter((o) => o.status === status).length);
  });
});
