import {
  offerFieldsSchema,
  type ContractType,
  type Offer,
  type OfferFields,
} from '../../shared/domain/offers';
import { offerFromColumns } from '../../shared/db/rows';
import type { OffersTable } from '../db/schema';

/** The diploma ids of an offer, stored as a JSON array. */
export function diplomaIdsOf(row: Pick<OffersTable, 'diploma_ids'>): string[] {
  return JSON.parse(row.diploma_ids) as string[];
}

/** An offer as the API and the feed carry it (the desktop's cache maps the same columns). */
export function toOffer(row: OffersTable): Offer {
  return offerFromColumns(row);
}

const fieldNames = Object.keys(offerFieldsSchema.shape) as Array<keyof OfferFields>;

/** What staff filled in, back from the row (to duplicate an offer). */
export function fieldsOf(row: OffersTable): OfferFields {
  const offer = toOffer(row);
  return Object.fromEntries(fieldNames.map((name) => [name, offer[name]])) as OfferFields;
}

const bit = (value: boolean) => (value ? 1 : 0);

/** The columns of the fields present in `fields` (a whole offer, or a patch). */
export function fieldColumns(fields: Partial<OfferFields>): Partial<OffersTable> {
  const columns: Partial<OffersTable> = {};
  if (fields.employerId !== undefined) columns.employer_id = fields.employerId;
  if (fields.title !== undefined) columns.title = fields.title;
  if (fields.romeCode !== undefined) columns.rome_code = fields.romeCode;
  if (fields.diplomaIds !== undefined) columns.diploma_ids = JSON.stringify([...new Set(fields.diplomaIds)]);
  if (fields.contractType !== undefined) columns.contract_type = fields.contractType as ContractType;
  if (fields.startDate !== undefined) columns.start_date = fields.startDate;
  if (fields.durationMonths !== undefined) columns.duration_months = fields.durationMonths;
  if (fields.positions !== undefined) columns.positions = fields.positions;
  if (fields.rhythm !== undefined) columns.rhythm = fields.rhythm;
  if (fields.communeCode !== undefined) columns.commune_code = fields.communeCode;
  if (fields.description !== undefined) columns.description = fields.description;
  if (fields.handicapCommitment !== undefined) columns.handicap_commitment = bit(fields.handicapCommitment);
  if (fields.sharedWithStructure !== undefined)
    columns.shared_with_structure = bit(fields.sharedWithStructure);
  if (fields.franceTravail !== undefined) columns.france_travail = bit(fields.franceTravail);
  return columns;
}
