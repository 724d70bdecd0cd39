import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { observationHostsPageSchema } from '../../shared/domain/observation';
import type { z } from '../../shared/zod';
import type { StructuresTable } from '../db/schema';
import { testsOnPostgres } from '../db/test-postgres';
import { generateDirectory } from '../seed/directory';
import { expectProblem, newSignedInAccount, usePlatform } from '../test-support';
import { hostsMatching, OBSERVATION_HOSTS_PAGE_SIZE } from './observation-hosts';

const platform = usePlatform();

function hosts(query: Record<string, string | number> = {}) {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  return platform().app.inject({
    method: 'GET',
    url: `/api/v1/observation-hosts${search.size ? `?${search}` : ''}`,
  });
}

type HostsPage = z.infer<typeof observationHostsPageSchema>;

async function page(query: Record<string, string | number>): Promise<HostsPage> {
  const response = await hosts(query);
  expect(response.statusCode).toBe(200);
  return observationHostsPageSchema.parse(response.json());
}

let sirets = 0;

/** A registered structure, written straight into the platform's table (the route only reads it). */
async function structure(
  communeCode: string,
  columns: Partial<StructuresTable> & Pick<StructuresTable, 'legal_name'>,
): Promise<StructuresTable> {
  const now = new Date().toISOString();
  const row: StructuresTable = {
    id: randomUUID(),
    siret: `99${String(++sirets).padStart(12, '0')}`,
    naf_code: '10.71C',
    naf_label: 'Boulangerie et boulangerie-pâtisserie',
    headcount_band: null,
    trade_name: null,
    email: null,
    phone: null,
    website: null,
    street: '1 RUE DU TEST',
    postal_code: '00000',
    commune_code: communeCode,
    commune_name: `Commune ${communeCode}`,
    accepts_third_grade_interns: 0,
    accepts_second_grade_interns: 0,
    reply_templates: null,
    version: 1,
    created_at: now,
    updated_at: now,
    ...columns,
  };
  await platform().db.insertInto('structures').values(row).execute();
  return row;
}

const names = (p: HostsPage) => p.hosts.map((h) => h.name);

describe('GET /observation-hosts', () => {
  it('pages the hosts of a commune 20 by 20, by name whatever the case, trade name first', async () => {
    const commune = '64445'; // Pau
    const created: string[] = [];
    for (let i = 0; i < 45; i++) {
      const name = `${i % 2 ? 'atelier' : 'ATELIER'} ${String.fromCharCode(65 + (i % 26))}${i}`;
      // Every third one is known by its trade name.
      const row = await structure(commune, {
        legal_name: i % 3 === 0 ? `ZZZ SARL ${i}` : name,
        trade_name: i % 3 === 0 ? name : null,
        accepts_third_grade_interns: 1,
      });
      created.push(row.trade_name ?? row.legal_name);
    }
    const expected = [...created].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));

    const pages = [
      await page({ commune }),
      await page({ commune, page: 2 }),
      await page({ commune, page: 3 }),
    ];
    expect(pages.map((p) => [p.page, p.pageSize, p.total, p.hosts.length])).toEqual([
      [1, OBSERVATION_HOSTS_PAGE_SIZE, 45, 20],
      [2, OBSERVATION_HOSTS_PAGE_SIZE, 45, 20],
      [3, OBSERVATION_HOSTS_PAGE_SIZE, 45, 5],
    ]);
    expect(pages.flatMap(names)).toEqual(expected);
    // After the last page: empty, with the same total.
    expect(await page({ commune, page: 4 })).toEqual({
      hosts: [],
      page: 4,
      pageSize: OBSERVATION_HOSTS_PAGE_SIZE,
      total: 45,
    });
  });

  it('filters by level and leaves out the structures that host nobody', async () => {
    const commune = '87085'; // Limoges
    await structure(commune, { legal_name: 'A TROISIEME', accepts_third_grade_interns: 1 });
    await structure(commune, { legal_name: 'B SECONDE', accepts_second_grade_interns: 1 });
    await structure(commune, {
      legal_name: 'C LES DEUX',
      accepts_third_grade_interns: 1,
      accepts_second_grade_interns: 1,
    });
    await structure(commune, { legal_name: 'D PERSONNE' });

    const all = await page({ commune });
    expect(all.hosts.map((h) => [h.name, h.levels])).toEqual([
      ['A TROISIEME', ['troisieme']],
      ['B SECONDE', ['seconde']],
      ['C LES DEUX', ['troisieme', 'seconde']],
    ]);
    expect(names(await page({ commune, niveau: 'troisieme' }))).toEqual(['A TROISIEME', 'C LES DEUX']);
    expect(names(await page({ commune, niveau: 'seconde' }))).toEqual(['B SECONDE', 'C LES DEUX']);
    expect((await page({ commune, niveau: 'seconde' })).total).toBe(2);

    // Without commune: every commune's hosts, still by name.
    const everywhere = await page({ niveau: 'seconde' });
    expect(everywhere.hosts.map((h) => h.address.communeCode)).toContain('87085');
    expect(everywhere.hosts.some((h) => h.name === 'D PERSONNE')).toBe(false);
  });

  it('follows the structure’s boxes at once: ticked it appears with its contacts, unticked it goes', async () => {
    const { token } = await newSignedInAccount(platform());
    const establishment = generateDirectory().find((e) => e.active && e.communeCode !== '64445')!;
    const created = await platform().app.inject({
      method: 'POST',
      url: '/api/v1/structure',
      headers: { authorization: `Bearer ${token}` },
      payload: { siret: establishment.siret },
    });
    expect(created.statusCode).toBe(201);
    const patch = (body: unknown, version: number) =>
      platform().app.inject({
        method: 'PATCH',
        url: '/api/v1/structure',
        headers: { authorization: `Bearer ${token}`, 'if-match': `"${version}"` },
        payload: body as never,
      });
    const commune = establishment.communeCode;
    expect((await page({ commune })).hosts.map((h) => h.siret)).not.toContain(establishment.siret);

    expect(
      (
        await patch(
          {
            acceptsThirdGradeInterns: true,
            acceptsSecondGradeInterns: true,
            email: 'stages@exemple.fr',
            phone: '05 59 00 00 00',
          },
          1,
        )
      ).statusCode,
    ).toBe(200);
    expect((await page({ commune })).hosts.find((h) => h.siret === establishment.siret)).toEqual({
      siret: establishment.siret,
      name: establishment.tradeName ?? establishment.legalName,
      nafLabel: expect.any(String),
      address: {
        street: establishment.street,
        postalCode: establishment.postalCode,
        communeCode: commune,
        communeName: establishment.communeName,
      },
      email: 'stages@exemple.fr',
      phone: '+33559000000',
      levels: ['troisieme', 'seconde'],
    });

    expect((await patch({ acceptsThirdGradeInterns: false }, 2)).statusCode).toBe(200);
    expect(names(await page({ commune, niveau: 'troisieme' }))).not.toContain(
      establishment.tradeName ?? establishment.legalName,
    );
    expect((await patch({ acceptsSecondGradeInterns: false }, 3)).statusCode).toBe(200);
    expect((await page({ commune })).hosts.map((h) => h.siret)).not.toContain(establishment.siret);
  });

  it('answers 422 on commune for a code of no commune of Nouvelle-Aquitaine', async () => {
    const problem = expectProblem(await hosts({ commune: '75056' }), 422);
    expect(problem.code).toBe('commune_unknown');
    expect(problem.errors).toEqual([
      { field: 'commune', detail: 'Aucune commune de Nouvelle-Aquitaine n’a ce code INSEE.' },
    ]);
  });

  it.each([
    ['commune', { commune: 'Pau' }],
    ['commune', { commune: '644450' }],
    ['niveau', { niveau: 'cm2' }],
    ['page', { page: 0 }],
    ['page', { page: 'deux' }],
  ])('answers 400 naming %s for %j', async (field, query) => {
    const problem = expectProblem(await hosts(query), 400);
    expect(problem.errors?.map((e) => e.field)).toEqual([field]);
  });

  // SQLite's planner follows the query's shape; PostgreSQL's follows table statistics and rightly
  // scans a test database's few rows: the plan is SQLite's concern only.
  it.skipIf(testsOnPostgres())(
    'is public, and reads the partial index of the hosts, with or without filters',
    async () => {
      expect((await hosts()).statusCode).toBe(200);
      for (const filters of [{}, { commune: '64445' }, { niveau: 'seconde' as const }]) {
        const query = hostsMatching(platform().db, filters).select('siret').compile();
        const plan = await platform().db.executeQuery({ ...query, sql: `explain query plan ${query.sql}` });
        expect(JSON.stringify(plan.rows), JSON.stringify(filters)).toContain('structures_observation_hosts');
      }
    },
  );
});
