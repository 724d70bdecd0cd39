import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROFILES_PAGE_SIZE,
  profilesQuerySchema,
  type Profile,
  type ProfilesQuery,
} from '../../../shared/domain/profiles';
import { distanceKm, type Commune } from '../../../shared/domain/referentials';
import { sampleProfile } from '../../../tests/support/profiles';
import { openLocalDatabase, type LocalStore } from '../db/open';
import { writeReferential } from '../referentials/tables';
import { cacheProfile } from './cache';
import { searchCachedProfiles } from './offline-search';

// "Rechercher des profils" offline around a commune, over 1,500 profiles kept here: only the
// profiles of the radius's box are ranked, and the pages are exactly those of ranking them all.

/** The same numbers at every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const random = seeded(7);
const communes: Commune[] = Array.from({ length: 80 }, (_, i) => ({
  code: String(10_000 + i),
  name: `Commune ${i}`,
  postalCode: String(10_000 + i),
  departementCode: '33',
  // Nouvelle-Aquitaine and around, a few of them on the very same spot.
  latitude: i % 10 === 9 ? 44.8378 : 42.7 + random() * 4.6,
  longitude: i % 10 === 9 ? -0.5792 : -1.8 + random() * 3.4,
}));
const CENTRE = communes[9]!;
/** A commune the referential here does not know: its profiles are nowhere. */
const UNKNOWN = '99999';

const profiles: Profile[] = Array.from({ length: 1_500 }, (_, i) =>
  sampleProfile(`c1000000-0000-4000-8000-${String(i).padStart(12, '0')}`, {
    communeCode: i % 50 === 0 ? UNKNOWN : communes[Math.floor(random() * communes.length)]!.code,
    romeCode: i % 3 === 0 ? 'D1402' : 'G1602',
    // Few dates: many ties, which the id orders.
    createdAt: `2026-02-0${1 + (i % 7)}T09:00:00.000Z`,
  }),
);

let dir = '';
let store: LocalStore;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'offline-search-'));
  store = await openLocalDatabase(path.join(dir, 'local.sqlite'));
  await store.write((tx) => {
    writeReferential(tx, 'communes', communes, '1', null);
    for (const profile of profiles) cacheProfile(tx, profile);
  });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every profile ranked in JavaScript, as the platform ranks them: the page asked for. */
function bruteForce(query: ProfilesQuery) {
  const ranked = profiles
    .filter((profile) => query.rome === undefined || profile.romeCode === query.rome)
    .filter((profile) => query.radiusKm !== 0 || profile.communeCode === CENTRE.code)
    .map((profile) => {
      const commune = communes.find((c) => c.code === profile.communeCode);
      return { profile, distance: commune ? distanceKm(CENTRE, commune) : null };
    })
    .filter(
      ({ distance }) => query.radiusKm === undefined || (distance !== null && distance <= query.radiusKm),
    )
    .sort(
      (a, b) =>
        (a.distance ?? Infinity) - (b.distance ?? Infinity) ||
        b.profile.createdAt.localeCompare(a.profile.createdAt) ||
        b.profile.id.localeCompare(a.profile.id),
    );
  const offset = (query.page - 1) * PROFILES_PAGE_SIZE;
  return {
    total: ranked.length,
    profiles: ranked
      .slice(offset, offset + PROFILES_PAGE_SIZE)
      .map(({ profile, distance }) => [
        profile.id,
        distance === null ? null : Math.round(distance * 10) / 10,
      ]),
  };
}

describe('an offline search around a commune', () => {
  const queries = [undefined, 0, 1, 25, 60, 120, 200].flatMap((radiusKm) =>
    [1, 2, 4].flatMap((page) =>
      [undefined, 'D1402'].map((rome) =>
        profilesQuerySchema.parse({ commune: CENTRE.code, radiusKm, page, rome }),
      ),
    ),
  );

  it('gives the pages of ranking every profile, whatever the radius', async () => {
    for (const query of queries) {
      const page = await store.read((tx) => searchCachedProfiles(tx, query));
      expect(
        { total: page.total, profiles: page.profiles.map((profile) => [profile.id, profile.distanceKm]) },
        JSON.stringify(query),
      ).toEqual(bruteForce(query));
      // Each row read whole, as kept here.
      for (const found of page.profiles)
        expect(found).toMatchObject(profiles.find((profile) => profile.id === found.id)!);
    }
  });

  it('finds some of them, and not all, within the radii searched', () => {
    const totals = [1, 60, 200].map(
      (radiusKm) => bruteForce(profilesQuerySchema.parse({ commune: CENTRE.code, radiusKm, page: 1 })).total,
    );
    expect(totals[0]).toBeGreaterThan(0);
    expect(totals[1]).toBeGreaterThan(totals[0]!);
    expect(totals[2]).toBeLessThan(profiles.length);
  });
});
