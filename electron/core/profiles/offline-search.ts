import { sql, type RawBuilder } from 'kysely';
import {
  COMMUNE_UNKNOWN,
  DIPLOMA_UNKNOWN,
  PROFILES_PAGE_SIZE,
  ROME_UNKNOWN,
  type ProfileResult,
  type ProfilesPage,
  type ProfilesQuery,
} from '../../../shared/domain/profiles';
import { distanceKm } from '../../../shared/domain/referentials';
import type { ReadTx } from '../db/store';
import { fieldRefusal } from '../field-refusal';
import { communeByCode, romeByCode, unknownDiplomas } from '../referentials/lookup';
import { isCached } from '../referentials/tables';
import { ftsQuery } from '../search/fts-query';
import { matchingRowidsSql } from '../search/search-index';
import { profileFromColumns, type ProfileColumns } from '../../../shared/db/profile-rows';

// "Rechercher des profils" when the platform cannot be reached: the same filters, over the
// profiles seen on this desktop (applications, favourites, alerts, earlier searches), in the
// platform's order: nearest first around a commune, else newest first.

export const COMMUNES_NOT_HERE =
  'La liste des communes n’est pas encore enregistrée sur ce poste : la recherche autour d’une commune nécessite la plateforme, qui est injoignable.';

/** The commune searched around, checked against the referential here (as the platform checks it). */
function centreOf(tx: ReadTx, code: string) {
  if (!isCached(tx, 'communes')) throw fieldRefusal('commune', COMMUNES_NOT_HERE);
  const commune = communeByCode(tx, code);
  if (!commune) throw fieldRefusal('commune', COMMUNE_UNKNOWN);
  return commune;
}

/** The profiles whose métier, diplomas, commune or presentation hold the words (an FTS query). */
function keywordsCondition(words: string, steer = false): RawBuilder<unknown> {
  const rowids = matchingRowidsSql('profile', words, 'body');
  return steer ? sql`+rowid in (${rowids})` : sql`rowid in (${rowids})`;
}

/**
 * A page of the newest profiles matching `conditions` (conditionsOf's, `words` its keywords).
 * Keywords alone: the newest profiles are walked in the order's index until a page of them
 * matches (a common word, 40,000 matches, is not sorted whole); with other filters, the
 * planner's choice. The page's rowids first, then only its rows are read whole.
 */
export function newestPageSql(conditions: RawBuilder<unknown>[], words: string | null, offset: number) {
  const steered =
    words && conditions.length === 2 ? keywordsCondition(words, true) : sql.join(conditions, sql` and `);
  const pageRowids = sql`select rowid as r from profile where ${steered} order by created_at desc, id desc
    limit ${PROFILES_PAGE_SIZE} offset ${offset}`;
  return sql<ProfileColumns>`select profile.* from (${pageRowids}) as page cross join profile on profile.rowid = page.r`;
}

/** Every filter but the place, as SQL over `profile` (a referential not here yet checks nothing). */
export function conditionsOf(tx: ReadTx, query: ProfilesQuery): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`1`];
  // Only words count: a query of punctuation alone filters nothing, as on the platform.
  const words = query.q ? ftsQuery(query.q) : null;
  if (words) conditions.push(keywordsCondition(words));
  if (query.diploma !== undefined) {
    if (isCached(tx, 'diplomas') && unknownDiplomas(tx, [query.diploma]).length > 0)
      throw fieldRefusal('diploma', DIPLOMA_UNKNOWN);
    conditions.push(
      sql`exists (select 1 from json_each(diplomas) as d where d.value ->> '$.id' = ${query.diploma})`,
    );
  }
  if (query.rome !== undefined) {
    if (isCached(tx, 'rome') && !romeByCode(tx, query.rome)) throw fieldRefusal('rome', ROME_UNKNOWN);
    conditions.push(sql`rome_code = ${query.rome}`);
  }
  if (query.level !== undefined) conditions.push(sql`level >= ${query.level}`);
  if (query.availableBy !== undefined) conditions.push(sql`available_from <= ${query.availableBy}`);
  if (query.contractType !== undefined)
    conditions.push(
      sql`exists (select 1 from json_each(contract_types) as c where c.value = ${query.contractType})`,
    );
  if (query.oeth === true) conditions.push(sql`oeth = 1`);
  if (query.mobilityMinKm !== undefined) conditions.push(sql`mobility_km >= ${query.mobilityMinKm}`);
  return conditions;
}

const result = (row: ProfileColumns, distance: number | null): ProfileResult => ({
  ...profileFromColumns(row),
  distanceKm: distance === null ? null : Math.round(distance * 10) / 10,
});

/** The Earth's radius of distanceKm (shared/domain/referentials.ts), in km. */
const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

/**
 * The places within `radiusKm` of a centre (great-circle distance, as distanceKm) lie in this
 * box of latitudes and longitudes, a little larger so that rounding never leaves one out; the
 * longitudes are not bounded when the box nears a pole or crosses the antimeridian.
 */
function boundingBox(
  centre: { latitude: number; longitude: number },
  radiusKm: number,
): RawBuilder<unknown>[] {
  const angle = (radiusKm / EARTH_RADIUS_KM) * (1 + 1e-6) + 1e-9;
  const dLat = angle / RAD;
  const box = [sql`latitude between ${centre.latitude - dLat} and ${centre.latitude + dLat}`];
  const reach = Math.sin(angle) / Math.cos(centre.latitude * RAD);
  if (reach >= 1) return box;
  const dLon = Math.asin(reach) / RAD;
  const west = centre.longitude - dLon;
  const east = centre.longitude + dLon;
  if (west < -180 || east > 180) return box;
  return [...box, sql`longitude between ${west} and ${east}`];
}

type Place = Pick<ProfileColumns, 'id' | 'latitude' | 'longitude' | 'created_at'>;

/** Page `query.page` of the cached profiles matching the query, with distances around its commune. */
export function searchCachedProfiles(tx: ReadTx, query: ProfilesQuery): ProfilesPage {
  const centre = query.commune === undefined ? undefined : centreOf(tx, query.commune);
  const conditions = conditionsOf(tx, query);
  const words = query.q ? ftsQuery(query.q) : null;
  const offset = (query.page - 1) * PROFILES_PAGE_SIZE;
  const page = { page: query.page, pageSize: PROFILES_PAGE_SIZE };
  if (!centre) {
    const where = sql.join(conditions, sql` and `);
    const rows = tx.all(newestPageSql(conditions, words, offset));
    const total = tx.first(sql<{ n: number }>`select count(*) as n from profile where ${where}`)?.n ?? 0;
    return { ...page, profiles: rows.map((row) => result(row, null)), total };
  }
  if (query.radiusKm !== undefined) {
    // Only the profiles of the radius's box are ranked (a profile nowhere known is in none).
    conditions.push(...boundingBox(centre, query.radiusKm));
    // A radius of 0: the commune itself, as on the platform.
    if (query.radiusKm === 0) conditions.push(sql`commune_code = ${centre.code}`);
  }
  // Ranked by what the order needs; only the page's rows are read whole.
  const ranked = tx
    .all(
      sql<Place>`select id, latitude, longitude, created_at from profile where ${sql.join(conditions, sql` and `)}`,
    )
    .map((place) => {
      const { latitude, longitude } = place;
      return {
        place,
        distance:
          latitude === null || longitude === null ? null : distanceKm(centre, { latitude, longitude }),
      };
    })
    // Out of the radius, or nowhere known (a commune the referential here lacks): not found.
    .filter(
      ({ distance }) => query.radiusKm === undefined || (distance !== null && distance <= query.radiusKm),
    )
    .sort(
      (a, b) =>
        (a.distance ?? Infinity) - (b.distance ?? Infinity) ||
        b.place.created_at.localeCompare(a.place.created_at) ||
        b.place.id.localeCompare(a.place.id),
    );
  const shown = ranked.slice(offset, offset + PROFILES_PAGE_SIZE);
  const rows =
    shown.length === 0
      ? []
      : tx.all(
          sql<ProfileColumns>`select * from profile where id in (${sql.join(shown.map(({ place }) => place.id))})`,
        );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    ...page,
    profiles: shown.map(({ place, distance }) => result(byId.get(place.id)!, distance)),
    total: ranked.length,
  };
}
