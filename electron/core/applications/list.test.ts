import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicantName,
  applicationStatuses,
  isOverdue,
  type Application,
} from '../../../shared/domain/applications';
import { applicationsListQuerySchema, type ApplicationsListQuery } from '../../../shared/ipc/contract';
import { sampleApplication } from '../../../tests/support/applications';
import { openLocalDatabase, type LocalStore } from '../db/open';
import { searchKey } from '../db/search-key';
import { syncEntities } from '../sync/entities';
import { applyServerDeletion, writeView } from '../sync/local-state';
import {
  applicationCountsSql,
  applicationsListSql,
  countApplications,
  listApplications,
} from './local-applications';

// "Candidatures" at 20,000 applications: each status's list, filter and sort answers from an
// index, and the dashboard's counts never walk the table.

const APPLICATIONS = 20_000;
const DAY = 86_400_000;
const now = new Date();
const offers = Array.from({ length: 500 }, (_, i) => ({
  id: randomUUID(),
  title: `${['Électricien', 'Cuisinier', 'Boulangère'][i % 3]} ${i}`,
}));
const employers = Array.from({ length: 100 }, () => randomUUID());
const firstNames = ['Émilie', 'Lucas', 'Inès', 'Hugo', 'Chloé'];
let dir = '';
let store: LocalStore;
const all: Application[] = [];

function localDay(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'applications-list-'));
  store = await openLocalDatabase(path.join(dir, 'local.sqlite'));
  for (let i = 0; i < APPLICATIONS; i++) {
    const offer = offers[(i * 7) % offers.length]!;
    const base = sampleApplication(randomUUID(), {}, now);
    all.push({
      ...base,
      number: i + 1,
      offerId: offer.id,
      offerTitle: offer.title,
      employerId: employers[((i * 7) % offers.length) % employers.length]!,
      profile:
        i % 97 === 0
          ? null
          : { ...base.profile!, firstName: firstNames[i % firstNames.length]!, lastName: `Nom${i}` },
      status: applicationStatuses[i % 4]!,
      // From now back to 60 days ago, a few minutes apart.
      receivedAt: new Date(now.getTime() - ((i * 263_000) % (60 * DAY))).toISOString(),
    });
  }
  await store.write((tx) => {
    for (const application of all) writeView(tx, syncEntities.application, application, 'synced');
  });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const query = (input: Partial<ApplicationsListQuery>) => applicationsListQuerySchema.parse(input);

function plan(built: { compile: (db: LocalStore['db']) => { sql: string; parameters: readonly unknown[] } }) {
  const compiled = built.compile(store.db);
  return store.sqlite
    .prepare(`explain query plan ${compiled.sql}`)
    .all(...(compiled.parameters as unknown[]))
    .map((row) => (row as { detail: string }).detail)
    .join(' | ');
}

const offer = offers[3]!.id;
const employer = employers[3]!;
const shapes: Array<Partial<ApplicationsListQuery>> = [
  { status: 'a_traiter' },
  { status: 'a_traiter', direction: 'asc' },
  { status: 'recevable', sort: 'number' },
  { status: 'refusee', sort: 'applicant', direction: 'asc' },
  { status: 'abandonnee', sort: 'offer' },
  { status: 'a_traiter', overdue: true },
  { overdue: true },
  { status: 'a_traiter', receivedFrom: localDay(now.toISOString()) },
  { status: 'a_traiter', offerId: offer },
  { status: 'a_traiter', offerId: offer, sort: 'applicant' },
  { status: 'recevable', employerId: employer, sort: 'number' },
  { offerId: offer },
  { employerId: employer },
  {},
  { status: 'a_traiter', offset: 3_000 },
];

describe('"Candidatures" at 20,000 applications', () => {
  it.each(shapes)('reads %o through an index, never the whole table', (shape) => {
    const { rows, total } = applicationsListSql(query(shape), now);
    for (const detail of [plan(rows), plan(total)]) {
      // A whole status is counted from the tally.
      expect(detail).toMatch(/USING (COVERING )?INDEX|SCAN application_tally/);
      expect(detail).not.toMatch(/SCAN application(?! USING|_tally)/);
    }
    // One status (or every status by date), no offer nor employer: the page comes in the index's order.
    if (!shape.offerId && !shape.employerId && (shape.status || !shape.sort))
      expect(plan(rows)).not.toContain('TEMP B-TREE');
  });

  it('reads many overdue applications in another order than the date through that order’s index', () => {
    const shape = query({ status: 'a_traiter', overdue: true, sort: 'number' });
    expect(plan(applicationsListSql(shape, now, 10).rows)).toContain('TEMP B-TREE');
    const many = plan(applicationsListSql(shape, now, 50_000).rows);
    expect(many).toContain('application_status_number');
    expect(many).not.toContain('TEMP B-TREE');
  });

  it.each([{}, { offerId: offer }, { employerId: employer }, { offerId: offer, employerId: employer }])(
    'counts %o from the tally or an index range',
    (filter) => {
      const { byStatus, overdue } = applicationCountsSql(filter, now);
      for (const detail of [plan(byStatus), plan(overdue)])
        expect(detail).not.toMatch(/SCAN application(?!_tally)/);
    },
  );

  it('counts each status, the overdue ones, for everything, one offer and one employer', async () => {
    const expected = (subset: Application[]) => ({
      total: subset.length,
      ...Object.fromEntries(
        applicationStatuses.map((status) => [status, subset.filter((a) => a.status === status).length]),
      ),
      overdue: subset.filter((a) => isOverdue(a, now)).length,
    });
    expect(await countApplications(store, {}, now)).toEqual(expected(all));
    expect(await countApplications(store, { offerId: offer }, now)).toEqual(
      expected(all.filter((a) => a.offerId === offer)),
    );
    expect(await countApplications(store, { employerId: employer }, now)).toEqual(
      expected(all.filter((a) => a.employerId === employer)),
    );
    const overdue = all.filter((a) => isOverdue(a, now));
    expect(overdue.length).toBeGreaterThan(0);
    // A week later, more of them wait too long.
    const later = new Date(now.getTime() + 7 * DAY);
    expect((await countApplications(store, {}, later)).overdue).toBe(
      all.filter((a) => isOverdue(a, later)).length,
    );
  });

  it('answers one status filtered, sorted and paged, with the number of matches and the overdue flag', async () => {
    const expected = all
      .filter((a) => a.status === 'a_traiter' && a.employerId === employer)
      .sort((a, b) => {
        const byName = searchKey(a.profile ? applicantName(a) : '').localeCompare(
          searchKey(b.profile ? applicantName(b) : ''),
        );
        return byName || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      });
    const page = await listApplications(
      store,
      query({
        status: 'a_traiter',
        employerId: employer,
        sort: 'applicant',
        direction: 'asc',
        limit: 5,
        offset: 2,
      }),
      now,
    );
    expect(page.total).toBe(expected.length);
    expect(page.rows.map((a) => a.id)).toEqual(expected.slice(2, 7).map((a) => a.id));
    for (const row of page.rows) expect(row.overdue).toBe(isOverdue(row, now));

    for (const status of [undefined, ...applicationStatuses])
      expect((await listApplications(store, query({ status, limit: 1 }), now)).total).toBe(
        all.filter((a) => !status || a.status === status).length,
      );
    const overdue = await listApplications(store, query({ overdue: true, limit: 500 }), now);
    expect(overdue.total).toBe(all.filter((a) => isOverdue(a, now)).length);
    expect(overdue.rows.every((a) => a.overdue && a.status === 'a_traiter')).toBe(true);
    // Overdue is a state of "A traiter" only.
    expect((await listApplications(store, query({ status: 'recevable', overdue: true }), now)).total).toBe(0);

    const byNumber = await listApplications(
      store,
      query({ status: 'recevable', sort: 'number', limit: 3 }),
      now,
    );
    expect(byNumber.rows.map((a) => a.number)).toEqual(
      all
        .filter((a) => a.status === 'recevable')
        .map((a) => a.number)
        .sort((a, b) => b - a)
        .slice(0, 3),
    );
  });

  it('filters by local calendar days', async () => {
    const from = localDay(new Date(now.getTime() - 10 * DAY).toISOString());
    const to = localDay(new Date(now.getTime() - 3 * DAY).toISOString());
    const page = await listApplications(store, query({ receivedFrom: from, receivedTo: to, limit: 1 }), now);
    const expected = all.filter((a) => localDay(a.receivedAt) >= from && localDay(a.receivedAt) <= to);
    expect(page.total).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('finds an applicant, an offer title or a number, without minding accents or case', async () => {
    const byName = await listApplications(store, query({ q: 'EMILIE nom10', limit: 500 }), now);
    expect(byName.total).toBeGreaterThan(0);
    for (const a of byName.rows) expect(applicantName(a)).toMatch(/^Émilie Nom10/);

    const byTitle = await listApplications(
      store,
      query({ status: 'refusee', q: 'boulangere 1', limit: 500 }),
      now,
    );
    expect(byTitle.total).toBe(
      all.filter((a) => a.status === 'refusee' && searchKey(a.offerTitle).includes('boulangere 1')).length,
    );

    const byNumber = await listApplications(store, query({ q: 'N° 1234' }), now);
    expect(byNumber.rows.map((a) => a.number)).toContain(1234);
  });

  it('pages through a status without repeating or skipping an application', async () => {
    const seen = new Set<string>();
    const first = await listApplications(
      store,
      query({ status: 'abandonnee', sort: 'offer', limit: 500 }),
      now,
    );
    for (let offset = 0; offset < first.total; offset += 500) {
      const page = await listApplications(
        store,
        query({ status: 'abandonnee', sort: 'offer', limit: 500, offset }),
        now,
      );
      for (const a of page.rows) seen.add(a.id);
    }
    expect(seen.size).toBe(first.total);
  });

  it('keeps the tally right as rows change status, or go with a tombstone', async () => {
    const tally = () =>
      store.read((tx) =>
        Object.fromEntries(
          tx
            .all<{ status: string; n: number }>(sql`select status, n from application_tally`)
            .map((r) => [r.status, r.n]),
        ),
      );
    const before = await tally();
    const moved = all.find((a) => a.status === 'a_traiter')!;
    const gone = all.find((a) => a.status === 'refusee')!;
    const answered: Application = { ...moved, status: 'recevable', version: 2 };
    const older: Application = { ...moved, status: 'refusee', version: 1 };
    await store.write((tx) => {
      writeView(tx, syncEntities.application, answered, 'synced');
      // An older version is not written, and not counted either.
      writeView(tx, syncEntities.application, older, 'synced');
      applyServerDeletion(tx, syncEntities.application, gone.id);
    });
    expect(await tally()).toEqual({
      ...before,
      a_traiter: before.a_traiter! - 1,
      recevable: before.recevable! + 1,
      refusee: before.refusee! - 1,
    });
    await store.write((tx) => {
      writeView(tx, syncEntities.application, { ...moved, version: 3 }, 'synced');
      writeView(tx, syncEntities.application, gone, 'synced');
    });
    expect(await tally()).toEqual(before);
  });
});
