import { sql, type SelectQueryBuilder } from 'kysely';
import {
  COMMUNE_UNKNOWN,
  DIPLOMA_UNKNOWN,
  PROFILES_PAGE_SIZE,
  ROME_UNKNOWN,
  type ProfilesPage,
  type ProfilesQuery,
} from '../../shared/domain/profiles';
import { jsonArrayFieldHasAny, jsonArrayHasAny } from '../db/dialect/json';
import { rowOrder } from '../db/dialect/row-order';
import type { PlatformDb } from '../db/open';
import type { PlatformDatabase } from '../db/schema';
import { ProblemError } from '../http/problem';
import { normaliseForSearch } from '../offers/search-text';
import { diplomas } from '../referentials/load';
import { communeByCode, diplomaById, romeByCode } from '../referentials/lookups';
import { boxAround, nearestPage } from '../referentials/nearby';
import { profilesById } from './staff-view';

// "Rechercher des profils" (`GET /profiles`).
//
// Keywords are matched in `search_text`, the profile's métier, diplomas, presentation and
// commune written lower case without accents (../offers/search-text.ts), each word of the query
// as the start of a word of the text ("cuis" finds "Cuisinier", "eleve" finds "élève"). The
// query is normalised the same way, so that only letters and digits reach the LIKE pattern, as
// a bound parameter: quotes, stars, NEAR or SQL are plain words.
//
// A LIKE scan rather than an FTS5 index: one normalisation for the public offer search and this
// one, nothing more to keep in step with every write of a profile (creation, deletion, a closed
// account), the other filters narrowing the rows scanned. No bench times this search (bench/
// alerts.ts times the alerts only): an index would be the next step if it proved slow.

type Profiles = SelectQueryBuilder<PlatformDatabase, 'candidate_profiles', object>;

/** The diplomas (JSON { diplomaId, state }) include one of `ids`. */
function hasDiplomaAmong(db: PlatformDb, ids: readonly string[]) {
  return jsonArrayFieldHasAny(db, 'candidate_profiles.diplomas', 'diplomaId', ids);
}

/** One 422 naming every filter that refers to nothing in the referentials. */
function unknownReferences(query: ProfilesQuery): ProblemError | undefined {
  const errors = [
    query.commune !== undefined && !communeByCode().has(query.commune)
      ? { field: 'commune', detail: COMMUNE_UNKNOWN }
      : undefined,
    query.diploma !== undefined && !diplomaById().has(query.diploma)
      ? { field: 'diploma', detail: DIPLOMA_UNKNOWN }
      : undefined,
    query.rome !== undefined && !romeByCode().has(query.rome)
      ? { field: 'rome', detail: ROME_UNKNOWN }
      : undefined,
  ].filter((error) => error !== undefined);
  if (errors.length === 0) return undefined;
  return new ProblemError(
    422,
    'reference_unknown',
    errors.length === 1 ? errors[0]!.detail : 'Plusieurs filtres désignent des éléments inconnus.',
    errors,
  );
}

/** The profiles matching every filter other than place. */
function matching(db: PlatformDb, query: ProfilesQuery): Profiles {
  let profiles = db.selectFrom('candidate_profiles');
  for (const word of normaliseForSearch(query.q ?? '')
    .split(' ')
    .filter(Boolean)) {
    profiles = profiles.where(sql<string>`' ' || candidate_profiles.search_text`, 'like', `% ${word}%`);
  }
  if (query.diploma !== undefined) profiles = profiles.where(hasDiplomaAmong(db, [query.diploma]));
  if (query.level !== undefined) {
    // A profile's level is its highest diploma's: at least `level` when one diploma is.
    const level = query.level;
    const ids = diplomas()
      .filter((diploma) => diploma.level >= level)
      .map((diploma) => diploma.id);
    profiles = profiles.where(hasDiplomaAmong(db, ids));
  }
  if (query.rome !== undefined) profiles = profiles.where('candidate_profiles.rome_code', '=', query.rome);
  if (query.availableBy !== undefined)
    profiles = profiles.where('candidate_profiles.available_from', '<=', query.availableBy);
  if (query.contractType !== undefined) {
    profiles = profiles.where(jsonArrayHasAny(db, 'candidate_profiles.contract_types', [query.contractType]));
  }
  if (query.oeth === true) profiles = profiles.where('candidate_profiles.oeth', '=', 1);
  if (query.mobilityMinKm !== undefined)
    profiles = profiles.where('candidate_profiles.mobility_km', '>=', query.mobilityMinKm);
  return profiles;
}

async function newestFirst(db: PlatformDb, profiles: Profiles, page: number) {
  const counted = await profiles.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await profiles
    .select('candidate_profiles.id')
    .orderBy('candidate_profiles.created_at', 'desc')
    // Made in the same millisecond: the last made first.
    .orderBy(rowOrder(db, 'candidate_profiles'), 'desc')
    .limit(PROFILES_PAGE_SIZE)
    .offset((page - 1) * PROFILES_PAGE_SIZE)
    .execute();
  return { total: Number(counted.n), ids: rows.map((row) => row.id), distances: undefined };
}

/** Within `radiusKm` of the commune's centre (all of them without a radius), nearest first, then newest. */
async function nearestFirst(
  db: PlatformDb,
  profiles: Profiles,
  centre: { code: string; latitude: number; longitude: number },
  radiusKm: number | undefined,
  page: number,
) {
  let near = profiles;
  if (radiusKm === 0) near = near.where('candidate_profiles.commune_code', '=', centre.code);
  else if (radiusKm !== undefined) {
    const box = boxAround(centre, radiusKm);
    near = near
      .where('candidate_profiles.latitude', '>=', box.minLatitude)
      .where('candidate_profiles.latitude', '<=', box.maxLatitude)
      .where('candidate_profiles.longitude', '>=', box.minLongitude)
      .where('candidate_profiles.longitude', '<=', box.maxLongitude);
  }
  const rows = await near
    .select([
      'candidate_profiles.id',
      'candidate_profiles.latitude',
      'candidate_profiles.longitude',
      'candidate_profiles.created_at',
      rowOrder(db, 'candidate_profiles').as('made'),
    ])
    .execute();
  return nearestPage(
    rows,
    centre,
    radiusKm,
    { number: page, size: PROFILES_PAGE_SIZE },
    (a, b) => b.created_at.localeCompare(a.created_at) || b.made - a.made,
  );
}

/**
 * Page `query.page` of the profiles matching the query, as staff see them (no contact details),
 * with their distance from the commune searched around when there is one.
 */
export async function searchProfiles(db: PlatformDb, query: ProfilesQuery, now: Date): Promise<ProfilesPage> {
  const refusal = unknownReferences(query);
  if (refusal) throw refusal;
  const profiles = matching(db, query);
  let found: { total: number; ids: string[]; distances: Map<string, number> | undefined };
  if (query.commune !== undefined) {
    found = await nearestFirst(db, profiles, communeByCode().get(query.commune)!, query.radiusKm, query.page);
  } else {
    found = await newestFirst(db, profiles, query.page);
  }
  const byId = await profilesById(db, found.ids, now);
  return {
    profiles: found.ids.flatMap((id) => {
      const profile = byId.get(id);
      return profile ? [{ ...profile, distanceKm: found.distances?.get(id) ?? null }] : [];
    }),
    page: query.page,
    pageSize: PROFILES_PAGE_SIZE,
    total: found.total,
  };
}
