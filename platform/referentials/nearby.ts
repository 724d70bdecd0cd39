import { distanceKm } from '../../shared/domain/referentials';

// Searches "around a commune" (public offers, profiles): an index narrows the rows to a box of
// latitude and longitude around the commune's centre, only the rows inside get a great-circle
// distance, and the page is cut from them nearest first.

interface Point {
  latitude: number;
  longitude: number;
}

/** Kilometres per degree of latitude (and of longitude at the equator), on the sphere distanceKm uses. */
const KM_PER_DEGREE = (6371 * Math.PI) / 180;

/** The box of latitudes and longitudes that holds every point within `radiusKm` of `centre`. */
export function boxAround(centre: Point, radiusKm: number) {
  const dLat = radiusKm / KM_PER_DEGREE;
  // Meridians are closest together on the edge of the box farthest from the equator.
  const farthest = Math.min(89, Math.abs(centre.latitude) + dLat);
  const dLon = radiusKm / (KM_PER_DEGREE * Math.cos((farthest * Math.PI) / 180));
  return {
    minLatitude: centre.latitude - dLat,
    maxLatitude: centre.latitude + dLat,
    minLongitude: centre.longitude - dLon,
    maxLongitude: centre.longitude + dLon,
  };
}

/**
 * Page `page` of `rows` within `radiusKm` of `centre`, nearest first, then as `tieBreak` orders
 * them; distances rounded to the hundred metres, commune centres being no finer than that.
 * Without a radius, or with radius 0 ("this commune only": the caller passes the commune's rows,
 * whatever coordinates they were stored with), every row is kept.
 */
export function nearestPage<Row extends Point & { id: string }>(
  rows: readonly Row[],
  centre: Point,
  radiusKm: number | undefined,
  page: { number: number; size: number },
  tieBreak: (a: Row, b: Row) => number,
): { total: number; ids: string[]; distances: Map<string, number> } {
  const ranked = rows
    .map((row) => ({ row, distance: distanceKm(centre, row) }))
    .filter(({ distance }) => radiusKm === undefined || radiusKm === 0 || distance <= radiusKm)
    .sort((a, b) => a.distance - b.distance || tieBreak(a.row, b.row));
  const slice = ranked.slice((page.number - 1) * page.size, page.number * page.size);
  return {
    total: ranked.length,
    ids: slice.map(({ row }) => row.id),
    distances: new Map(slice.map(({ row, distance }) => [row.id, Math.round(distance * 10) / 10])),
  };
}
