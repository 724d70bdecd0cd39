import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationsListQuerySchema, offersListQuerySchema } from '../../../shared/ipc/contract';
import type { OffersListQuery } from '../../../shared/ipc/contract';
import { applicationsListSql } from '../applications/local-applications';
import { offersListSql } from '../offers/local-offers';
import { conditionsOf, newestPageSql } from '../profiles/offline-search';
import { ftsQuery } from '../search/fts-query';
import { matchingSql, kindBase } from '../search/search-index';
import { sql } from 'kysely';
import { openLocalDatabase, type LocalStore } from './open';

// The query plans the local reads rely on at full scale (issue 15), on the exact SQL the
// handlers run: a change that loses an index (a dropped column, a reworded condition) fails
// here rather than in a bench. Without ANALYZE statistics SQLite plans the same on an empty
// database as on a full one.

let dir = '';
let store: LocalStore;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'query-plans-'));
  store = await openLocalDatabase(path.join(dir, 'local.sqlite'));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function plan(built: { compile(db: LocalStore['db']): CompiledQuery<unknown> }): string {
  const compiled = built.compile(store.db);
  return store.sqlite
    .prepare(`explain query plan ${compiled.sql}`)
    .all(...(compiled.parameters as unknown[]))
    .map((row) => (row as { detail: string }).detail)
    .join(' | ');
}

const EMPLOYER = '7f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const sortIndexes = {
  createdAt: 'offer_status_created',
  number: 'offer_status_number',
  title: 'offer_status_title',
  employer: 'offer_status_employer_name',
  startDate: 'offer_status_start',
} as const;

describe('"Mes offres" (offers.list)', () => {
  const offers = (input: Partial<OffersListQuery>) =>
    offersListSql(offersListQuerySchema.parse({ status: 'en_cours', ...input }));

  it.each(Object.entries(sortIndexes))(
    'finds a page sorted by %s from its index alone, a broad filter or an offset included, then reads its rows by rowid',
    (sort, index) => {
      const filters: Array<Partial<OffersListQuery>> = [
        {},
        { contractType: 'apprentissage' },
        { communeCode: '33063' },
        { offset: 500 },
      ];
      for (const filter of filters) {
        const rows = plan(offers({ sort: sort as OffersListQuery['sort'], ...filter }).rows);
        expect(rows).toContain(`SEARCH offer USING COVERING INDEX ${index} (status=?)`);
        expect(rows).toContain('SEARCH offer USING INTEGER PRIMARY KEY (rowid=?)');
        expect(rows).not.toContain('TEMP B-TREE');
        expect(rows).not.toMatch(/SCAN offer\b/);
      }
    },
  );

  it('reads an employer’s offers through its index, their page sorted from the index alone', () => {
    const rows = plan(offers({ employerId: EMPLOYER, sort: 'title' }).rows);
    expect(rows).toContain('USING INDEX offer_employer (employer_id=? AND status=?)');
    expect(plan(offers({ employerId: EMPLOYER }).rows)).not.toContain('TEMP B-TREE');
  });

  it('counts a whole tab from the tally, a filtered one from an index alone', () => {
    expect(plan(offers({}).total)).toMatch(
      /^SEARCH offer_tally USING INDEX sqlite_autoindex_offer_tally_1 \(status=\?\)$/,
    );
    expect(plan(offers({ communeCode: '33063' }).total)).toBe(
      'SEARCH offer USING COVERING INDEX offer_status_commune (status=? AND commune_code=?)',
    );
    expect(plan(offers({ contractType: 'apprentissage' }).total)).toBe(
      'SEARCH offer USING COVERING INDEX offer_status_contract (status=? AND contract_type=?)',
    );
    expect(plan(offers({ employerId: EMPLOYER }).total)).toBe(
      'SEARCH offer USING COVERING INDEX offer_employer (employer_id=? AND status=?)',
    );
  });
});

describe('"Candidatures" (applications.list)', () => {
  const now = new Date('2026-12-07T08:00:00.000Z');
  const applications = (input: object, overdue = 0) =>
    applicationsListSql(applicationsListQuerySchema.parse(input), now, overdue);
  const indexes = {
    receivedAt: 'application_status_received',
    number: 'application_status_number',
    applicant: 'application_status_applicant',
    offer: 'application_status_offer',
  } as const;

  it.each(Object.entries(indexes))(
    'walks one status sorted by %s in its index, nothing sorted',
    (sort, index) => {
      const { rows, total } = applications({ status: 'a_traiter', sort });
      expect(plan(rows)).toContain(`USING INDEX ${index} (status=?)`);
      expect(plan(rows)).not.toContain('TEMP B-TREE');
      // The whole status is counted from the tally, not from 50,000 index entries.
      expect(plan(total)).toContain('application_tally');
      // Many overdue applications: the order's index too.
      expect(plan(applications({ overdue: true, sort }, 5000).rows)).toContain(`USING INDEX ${index}`);
    },
  );

  it('reads an offer’s applications through its index', () => {
    const { rows, total } = applications({ status: 'recevable', offerId: EMPLOYER, sort: 'applicant' });
    expect(plan(rows)).toContain('USING INDEX application_offer (offer_id=? AND status=?)');
    expect(plan(total)).toBe(
      'SEARCH application USING COVERING INDEX application_offer (offer_id=? AND status=?)',
    );
  });
});

describe('the global search (searchEverything) and the offline keyword search of profiles', () => {
  it('reads each kind’s newest matches from the index in its order, then their rows by rowid', () => {
    const query = ftsQuery('cuis bord')!;
    for (const kind of ['offer', 'employer', 'application', 'profile'] as const) {
      const found = plan(sql`${matchingSql(kind, query)} order by f.rowid desc limit ${5}`);
      // 192: FTS5 hands out the rowids in descending order itself (no sort of every match);
      // >< : the kind's range of document numbers is given to the index.
      expect(found).toMatch(
        /^SCAN f VIRTUAL TABLE INDEX 192:M\d*>< \| SEARCH t USING INTEGER PRIMARY KEY \(rowid=\?\)$/,
      );
      expect(kindBase(kind)).toBeGreaterThan(0n);
    }
  });

  it('has prefix indexes of 1 to 7 letters (migration 0009): a typed start reads one list, merges none', () => {
    const definition = store.sqlite
      .prepare("select sql from sqlite_master where name = 'search_fts'")
      .pluck()
      .get() as string;
    expect(definition).toContain("prefix='1 2 3 4 5 6 7'");
  });
});

describe('"Rechercher des profils" offline (searchCachedProfiles)', () => {
  const page = async (query: object) => {
    const full = { page: 1, ...query } as Parameters<typeof conditionsOf>[1];
    const conditions = await store.read((tx) => conditionsOf(tx, full));
    return plan(newestPageSql(conditions, full.q ? ftsQuery(full.q) : null, 0));
  };

  it('walks the newest profiles in their index for keywords alone, 40,000 matches not sorted', async () => {
    const keywords = await page({ q: 'pour cuis' });
    expect(keywords).toContain('SCAN profile USING COVERING INDEX profile_created');
    // The matches are a set of rowids (no profile read to find them), the page's rows read by rowid.
    expect(keywords).toMatch(/LIST SUBQUERY \d+ \| SCAN f VIRTUAL TABLE INDEX 0:M\d*></);
    expect(keywords).toContain('SEARCH profile USING INTEGER PRIMARY KEY (rowid=?)');
    expect(keywords).not.toContain('TEMP B-TREE');
    expect(keywords).not.toContain('SEARCH t ');
  });

  it('leaves the planner its choice with other filters', async () => {
    expect(await page({ q: 'cuis', level: 3 })).not.toContain('COVERING INDEX profile_created');
  });
});
