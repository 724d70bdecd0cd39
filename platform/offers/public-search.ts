import { sql, type SelectQueryBuilder } from 'kysely';
import type {
  PublicOffer,
  publicOffersPageSchema,
  publicOffersQuerySchema,
} from '../../shared/domain/offers';
import type { z } from '../../shared/zod';
import { jsonArrayHasAny } from '../db/dialect/json';
import type { PlatformDb } from '../db/open';
import type { OffersTable, PlatformDatabase } from '../db/schema';
import { fieldProblem } from '../http/problem';
import { diplomas } from '../referentials/load';
import { communeByCode, diplomaById } from '../referentials/lookups';
import { boxAround, nearestPage } from '../referentials/nearby';
import { diplomaIdsOf } from './columns';
import { normaliseForSearch } from './search-text';

export const PUBLIC_OFFERS_PAGE_SIZE = 20;

type Query = z.output<typeof publicOffersQuerySchema>;
type Page = z.infer<typeof publicOffersPageSchema>;
type Offers = SelectQueryBuilder<PlatformDatabase, 'offers', object>;

/** The offers "En cours" matching the filters other than place. */
function matching(db: PlatformDb, query: Query): Offers {
  let offers = db.selectFrom('offers').where('offers.status', '=', 'en_cours');
  // Every word of the search, anywhere in the title, description, métier or employer name.
  for (const word of normaliseForSearch(query.q ?? '')
    .split(' ')
    .filter(Boolean)) {
    offers = offers.where('offers.search_text', 'like', `%${word}%`);
  }
  if (query.number !== undefined) offers = offers.where('offers.number', '=', query.number);
  if (query.rome !== undefined) offers = offers.where('offers.rome_code', '=', query.rome);
  if (query.contractType !== undefined)
    offers = offers.where('offers.contract_type', '=', query.contractType);
  if (query.level !== undefined) {
    const ids = diplomas()
      .filter((diploma) => diploma.level === query.level)
      .map((diploma) => diploma.id);
    // One of the offer's diplomas is of that level (levels come from the referential of today).
    offers = offers.where(jsonArrayHasAny(db, 'offers.diploma_ids', ids));
  }
  return offers;
}

/** Page `page` of the offers, newest first. */
async function newestFirst(offers: Offers, page: number) {
  const counted = await offers.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await offers
    .select('offers.id')
    .orderBy('offers.published_at', 'desc')
    .orderBy('offers.number', 'desc')
    .limit(PUBLIC_OFFERS_PAGE_SIZE)
    .offset((page - 1) * PUBLIC_OFFERS_PAGE_SIZE)
    .execute();
  return { total: Number(counted.n), ids: rows.map((row) => row.id), distances: undefined };
}

/**
 * Page `page` of the offers within `radiusKm` of the commune's centre (the commune only, without
 * a radius), nearest first.
 */
async function nearestFirst(
  offers: Offers,
  centre: { code: string; latitude: number; longitude: number },
  radiusKm: number,
  page: number,
) {
  let near = offers;
  if (radiusKm === 0) near = near.where('offers.commune_code', '=', centre.code);
  else {
    const box = boxAround(centre, radiusKm);
    near = near
      .where('offers.latitude', '>=', box.minLatitude)
      .where('offers.latitude', '<=', box.maxLatitude)
      .where('offers.longitude', '>=', box.minLongitude)
      .where('offers.longitude', '<=', box.maxLongitude);
  }
  const candidates = await near
    .select(['offers.id', 'offers.latitude', 'offers.longitude', 'offers.published_at', 'offers.number'])
    .execute();
  return nearestPage(
    candidates,
    centre,
    radiusKm,
    { number: page, size: PUBLIC_OFFERS_PAGE_SIZE },
    (a, b) => b.published_at.localeCompare(a.published_at) || b.number - a.number,
  );
}

type PublicRow = Pick<
  OffersTable,
  | 'id'
  | 'number'
  | 'title'
  | 'rome_code'
  | 'rome_label'
  | 'diploma_ids'
  | 'contract_type'
  | 'start_date'
  | 'duration_months'
  | 'positions'
  | 'rhythm'
  | 'commune_code'
  | 'commune_name'
  | 'description'
  | 'handicap_commitment'
  | 'employer_name'
  | 'published_at'
> & { structure_name: string };

function toPublicOffer(row: PublicRow, distance: number | null): PublicOffer {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    romeCode: row.rome_code,
    romeLabel: row.rome_label,
    diplomas: diplomaIdsOf(row).flatMap((id) => {
      const diploma = diplomaById().get(id);
      return diploma ? [{ id, label: diploma.label, level: diploma.level }] : [];
    }),
    contractType: row.contract_type,
    startDate: row.start_date,
    durationMonths: row.duration_months,
    positions: row.positions,
    rhythm: row.rhythm,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    distanceKm: distance,
    description: row.description,
    handicapCommitment: row.handicap_commitment === 1,
    employerName: row.employer_name,
    structureName: row.structure_name,
    publishedAt: row.published_at,
  };
}

/**
 * "Consulter toutes les offres": every structure's offers "En cours", 20 a page, without anyone's
 * contact details (only the columns below are read). 422 on the `commune` field for a code that
 * is no commune of Nouvelle-Aquitaine.
 */
export async function searchPublicOffers(db: PlatformDb, query: Query): Promise<Page> {
  const offers = matching(db, query);
  let found: { total: number; ids: string[]; distances: Map<string, number> | undefined };
  if (query.commune !== undefined) {
    const centre = communeByCode().get(query.commune);
    if (!centre) {
      throw fieldProblem(
        422,
        'commune_unknown',
        'commune',
        'Aucune commune de Nouvelle-Aquitaine n’a ce code INSEE : choisissez le lieu dans la liste.',
      );
    }
    found = await nearestFirst(offers, centre, query.radiusKm ?? 0, query.page);
  } else {
    found = await newestFirst(offers, query.page);
  }
  const rows =
    found.ids.length === 0
      ? []
      : await db
          .selectFrom('offers')
          .innerJoin('structures', 'structures.id', 'offers.structure_id')
          .select([
            'offers.id',
            'offers.number',
            'offers.title',
            'offers.rome_code',
            'offers.rome_label',
            'offers.diploma_ids',
            'offers.contract_type',
            'offers.start_date',
            'offers.duration_months',
            'offers.positions',
            'offers.rhythm',
            'offers.commune_code',
            'offers.commune_name',
            'offers.description',
            'offers.handicap_commitment',
            'offers.employer_name',
            'offers.published_at',
            sql<string>`coalesce(structures.trade_name, structures.legal_name)`.as('structure_name'),
          ])
          .where('offers.id', 'in', found.ids)
          .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    offers: found.ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toPublicOffer(row, found.distances?.get(id) ?? null)] : [];
    }),
    page: query.page,
    pageSize: PUBLIC_OFFERS_PAGE_SIZE,
    total: found.total,
  };
}
