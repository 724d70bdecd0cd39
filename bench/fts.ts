import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { openLocalDatabase } from '../electron/core/db/open';
import { searchKey } from '../electron/core/db/search-key';
import { cacheProfile } from '../electron/core/profiles/cache';
import { writeReferential } from '../electron/core/referentials/tables';
import { searchEverything } from '../electron/core/search/global-search';
import { communesOfNouvelleAquitaine, diplomas, romeEntries } from '../platform/referentials/load';
import { TRADES_BY_NAF } from '../platform/seed/trades';
import { profileLevel, type Profile } from '../shared/domain/profiles';
import { seededRandom } from '../shared/random';

// `npx tsx bench/fts.ts` (and `npm run bench`): the desktop's instant search at scale. A local
// database (the app's own migrations) caches 100,000 profiles through the core's own write path
// (the full-text index kept as they are written): the métiers the seeded trades recruit for,
// communes of Nouvelle-Aquitaine, presentations in French with their accents. Then a few hundred
// searches typed as people type them (no accents, the start of words, one or two words) go
// through the global search's own function, and the 95th percentile of their times is kept.
// `--keep file` keeps the database in that file and reuses it at the next run (the migrations
// added since run on it; the same seeded profiles, hence the same queries).

const PROFILES = 100_000;
const QUERIES = 400;
const BATCH = 5_000;

type Random = () => number;

const FIRST_NAMES = [
  'Inès',
  'Maëlys',
  'Léa',
  'Anaïs',
  'Chloé',
  'Hélène',
  'Lucas',
  'Théo',
  'Noé',
  'Jérémy',
  'Yanis',
  'Gaëtan',
];
const LAST_NAMES = [
  'Laborde',
  'Etcheverry',
  'Dupuy',
  'Lacoste',
  'Cazenave',
  'Fabre',
  'Bérard',
  'Lefèvre',
  'Péré',
  'Darrigrand',
];
const OPENINGS = [
  'Élève sérieuse et motivée',
  'Après un premier stage réussi, je souhaite poursuivre',
  'Je me reconvertis après trois ans dans la vente',
  'Passionné depuis l’enfance, curieux et ponctuel',
  'Titulaire du baccalauréat, à l’écoute et rigoureuse',
];
const CLOSINGS = [
  'je cherche une entreprise près de chez moi.',
  'disponible dès la rentrée, mobile sur le département.',
  'j’aime le travail en équipe et le contact avec la clientèle.',
  'prêt à me déplacer pour une expérience en alternance.',
];

function draw<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function profiles(random: Random, count: number): Profile[] {
  const trades = Object.values(TRADES_BY_NAF).flat();
  const communes = communesOfNouvelleAquitaine();
  const diplomaById = new Map(diplomas().map((diploma) => [diploma.id, diploma]));
  const romeLabel = new Map(romeEntries().map((entry) => [entry.code, entry.label]));
  return Array.from({ length: count }, (_, i) => {
    const trade = draw(random, trades);
    const commune = draw(random, communes);
    const prepared = draw(random, trade.diplomas).flatMap((id) => {
      const diploma = diplomaById.get(id);
      return diploma ? [{ id, label: diploma.label, level: diploma.level, state: 'prepare' as const }] : [];
    });
    return {
      id: randomUUID(),
      firstName: draw(random, FIRST_NAMES),
      lastName: draw(random, LAST_NAMES),
      age: 16 + Math.floor(random() * 14),
      romeCode: trade.rome,
      romeLabel: romeLabel.get(trade.rome) ?? trade.rome,
      level: profileLevel(prepared),
      diplomas: prepared,
      communeCode: commune.code,
      communeName: commune.name,
      mobilityKm: draw(random, [5, 10, 20, 30, 50, 80]),
      availableFrom: `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`,
      contractTypes: random() < 0.3 ? ['apprentissage', 'professionnalisation'] : ['apprentissage'],
      presentation: `${draw(random, OPENINGS)} : ${trade.missions} ; ${draw(random, CLOSINGS)}`,
      oeth: random() < 0.06,
      createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    };
  });
}

/** What is typed: the start (3 letters or more) of one or two words of a profile's text, unaccented. */
export function queries(random: Random, from: readonly Profile[], count: number): string[] {
  const prefix = (word: string) => word.slice(0, Math.min(word.length, 3 + Math.floor(random() * 5)));
  return Array.from({ length: count }, () => {
    const profile = draw(random, from);
    const text = `${profile.romeLabel} ${profile.communeName} ${profile.presentation} ${profile.lastName}`;
    // As people type in a hurry: lower case, no accents.
    const words = searchKey(text)
      .split(' ')
      .filter((word) => word.length >= 4);
    const first = prefix(draw(random, words));
    return random() < 0.5 ? first : `${first} ${prefix(draw(random, words))}`;
  });
}

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return Number(sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2));
}

/** The 95th percentile, in milliseconds, of global searches over 100,000 cached profiles (kept in `keep` when given, and reused). */
export async function measureFts(keep?: string): Promise<{ ftsProfileSearchP95Ms: number }> {
  const dir = keep ? undefined : mkdtempSync(path.join(os.tmpdir(), 'bench-fts-'));
  const file = keep ?? path.join(dir!, 'local.sqlite');
  const fresh = !existsSync(file);
  const store = await openLocalDatabase(file);
  try {
    const random = seededRandom(7_2026);
    const cached = profiles(random, PROFILES);
    if (fresh) {
      await store.write((tx) =>
        writeReferential(tx, 'communes', communesOfNouvelleAquitaine(), 'bench', null),
      );
      for (let i = 0; i < cached.length; i += BATCH)
        await store.write((tx) => {
          for (const profile of cached.slice(i, i + BATCH)) cacheProfile(tx, profile);
        });
    }
    const typed = queries(random, cached, QUERIES);
    // The first searches warm the page cache, as the app's first keystrokes would.
    for (const q of typed.slice(0, 20)) await store.read((tx) => searchEverything(tx, q, 5));
    const times: number[] = [];
    for (const q of typed) {
      const start = performance.now();
      await store.read((tx) => searchEverything(tx, q, 5));
      times.push(performance.now() - start);
    }
    return { ftsProfileSearchP95Ms: p95(times) };
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { keep: { type: 'string' } } });
  console.log(await measureFts(values.keep));
}
