import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileCreate } from '../../shared/domain/candidates';
import { createTestDatabase, testsOnPostgres } from '../db/test-postgres';
import { COMMUNES } from '../offers/test-fixtures';
import { createPlatform, type Platform } from '../server';
import { profileCalls } from './test-fixtures';

// "Rechercher des profils" must answer the same on SQLite and on PostgreSQL: the same corpus is
// made on both engines, then every query is asked of both. Runs with npm run test:postgres.

const NOW = new Date('2026-03-02T09:00:00.000Z');

/** Presentations are unique: they name each profile across engines (ids are random). */
const CORPUS: Array<Partial<ProfileCreate>> = [
  { presentation: 'Passionnée de pâtisserie béarnaise, ÉLÈVE motivée.', communeCode: COMMUNES.pau },
  { presentation: 'Søren, cuisinier de métier, cherche une brasserie.', romeCode: 'G1602', oeth: true },
  {
    presentation: 'Cœur à l’ouvrage : œufs, crèmes et entremets.',
    diplomas: [{ diplomaId: 'cap-cuisine', state: 'obtenu' }],
    contractTypes: ['apprentissage', 'professionnalisation'],
    communeCode: COMMUNES.bordeaux,
  },
  { presentation: 'Cuisine du marché et pâtisserie fine.', communeCode: COMMUNES.merignac, mobilityKm: 50 },
  { presentation: 'Élève de seconde, curieuse des métiers de bouche.', communeCode: COMMUNES.arcachon },
  { presentation: 'Pâtissier-chocolatier, disponible en octobre.', availableFrom: '2026-10-15' },
  { presentation: 'patisserie PATISSERIE Pâtisserie : la même, trois fois.', communeCode: COMMUNES.libourne },
  { presentation: 'Boulanger, je cherche à Pessac ou autour.', communeCode: COMMUNES.pessac, mobilityKm: 10 },
];

const QUERIES = [
  '',
  '?q=patisserie',
  '?q=PÂTISSERIE%20bearn',
  '?q=eleve',
  '?q=soren',
  '?q=coeur%20oeufs',
  '?q=cuis',
  '?q=pau',
  '?q=aucunmotpareil',
  '?diploma=cap-cuisine',
  '?level=4',
  '?rome=G1602',
  '?contractType=professionnalisation',
  '?oeth=true',
  '?availableBy=2026-09-30',
  '?mobilityMinKm=30',
  `?commune=${COMMUNES.bordeaux}`,
  `?commune=${COMMUNES.bordeaux}&radiusKm=20`,
  `?commune=${COMMUNES.pessac}&radiusKm=0`,
  `?q=patisserie&commune=${COMMUNES.talence}&radiusKm=100`,
];

async function corpusOn(platform: Platform) {
  const calls = profileCalls(() => platform);
  const { owner } = await calls.team();
  const candidate = await calls.newCandidate();
  // One clock for every profile: same-millisecond ties are broken by the order of writing.
  for (const profile of CORPUS) await calls.createProfile(candidate.token, profile);
  return async (query: string) => {
    const page = await calls.search(owner.token, query);
    return {
      total: page.total,
      profiles: page.profiles.map((p) => `${p.presentation} (${p.distanceKm ?? '-'} km)`),
    };
  };
}

describe.skipIf(!testsOnPostgres())('profile search on SQLite and PostgreSQL', () => {
  let dataDir = '';
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let sqlite: Platform;
  let postgres: Platform;
  let onSqlite: Awaited<ReturnType<typeof corpusOn>>;
  let onPostgres: Awaited<ReturnType<typeof corpusOn>>;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'platform-parity-'));
    database = await createTestDatabase();
    const options = { clock: () => NOW, limits: { registrations: 10_000 } };
    sqlite = await createPlatform({ dataDir, ...options });
    postgres = await createPlatform({ databaseUrl: database.url, ...options });
    onSqlite = await corpusOn(sqlite);
    onPostgres = await corpusOn(postgres);
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs on each engine', () => {
    expect([sqlite.dialect, postgres.dialect]).toEqual(['sqlite', 'postgres']);
  });

  it.each(QUERIES)('answers %s the same, in the same order', async (query) => {
    const expected = await onSqlite(query);
    expect(await onPostgres(query)).toEqual(expected);
  });

  it('finds what the corpus holds (the comparison is not between two empty lists)', async () => {
    expect((await onPostgres('?q=patisserie')).total).toBe(3);
    expect((await onPostgres('?q=soren')).profiles).toEqual([expect.stringMatching(/^Søren/)]);
    expect((await onPostgres('?q=coeur%20oeufs')).total).toBe(1);
    expect((await onPostgres('')).total).toBe(CORPUS.length);
  });
});
