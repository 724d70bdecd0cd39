import { employerName } from '../../shared/domain/employers';
import { labelOf } from '../../shared/domain/labels';
import type { OfferFields } from '../../shared/domain/offers';
import { ROME_VERSION } from '../../shared/domain/referentials';
import type { PlatformDb } from '../db/open';
import type { OffersTable } from '../db/schema';
import { ProblemError } from '../http/problem';
import { communeByCode, diplomaById, romeByCode } from '../referentials/lookups';

const NOT_A_PARTNER = "L'employeur doit être un partenaire accepté de votre structure.";

/** What an offer copies of the employer, métier and commune it names. */
export type ReferencedColumns = Pick<
  OffersTable,
  'employer_name' | 'rome_label' | 'rome_version' | 'commune_name' | 'latitude' | 'longitude'
>;

interface Refusal {
  code: string;
  field: keyof OfferFields;
  detail: string;
}

/**
 * Checks what the fields of an offer name (an accepted partner of the structure, a ROME 4.0
 * métier, diplomas of the referential, a commune of Nouvelle-Aquitaine) and returns what the offer
 * copies of them. Only the fields present are checked, so that a patch is judged on what it
 * changes. One 422 names every field that refers to nothing: a refused or unknown employer, whose
 * request the desktop may have sent minutes before, gets the same answer.
 */
export async function resolveReferences(
  trx: PlatformDb,
  structureId: string,
  fields: Partial<OfferFields>,
): Promise<Partial<ReferencedColumns>> {
  const resolved: Partial<ReferencedColumns> = {};
  const refusals: Refusal[] = [];
  if (fields.employerId !== undefined) {
    const employer = await trx
      .selectFrom('employers')
      .select(['siret', 'legal_name', 'trade_name'])
      .where('id', '=', fields.employerId)
      .where('structure_id', '=', structureId)
      .where('status', '=', 'acceptee')
      .executeTakeFirst();
    if (!employer)
      refusals.push({ code: 'employer_not_partner', field: 'employerId', detail: NOT_A_PARTNER });
    else {
      resolved.employer_name = employerName({
        siret: employer.siret,
        legalName: employer.legal_name,
        tradeName: employer.trade_name,
      });
    }
  }
  if (fields.romeCode !== undefined) {
    const rome = romeByCode().get(fields.romeCode);
    if (!rome) {
      refusals.push({
        code: 'rome_unknown',
        field: 'romeCode',
        detail: `Le code ${fields.romeCode} n’est pas un métier du ROME ${ROME_VERSION} : choisissez un métier de la liste.`,
      });
    } else {
      resolved.rome_label = rome.label;
      resolved.rome_version = ROME_VERSION;
    }
  }
  if (fields.diplomaIds !== undefined) {
    const unknown = fields.diplomaIds.filter((id) => !diplomaById().has(id));
    if (unknown.length > 0) {
      refusals.push({
        code: 'diploma_unknown',
        field: 'diplomaIds',
        detail: `${unknown.length === 1 ? 'Diplôme inconnu' : 'Diplômes inconnus'} : ${unknown.map((id) => `« ${id} »`).join(', ')}. Choisissez les diplômes dans la liste.`,
      });
    }
  }
  if (fields.communeCode !== undefined) {
    const commune = communeByCode().get(fields.communeCode);
    if (!commune) {
      refusals.push({
        code: 'commune_unknown',
        field: 'communeCode',
        detail: 'Aucune commune de Nouvelle-Aquitaine n’a ce code INSEE : choisissez le lieu dans la liste.',
      });
    } else {
      resolved.commune_name = commune.name;
      resolved.latitude = commune.latitude;
      resolved.longitude = commune.longitude;
    }
  }
  const [first] = refusals;
  if (first) {
    throw new ProblemError(
      422,
      first.code,
      refusals.length === 1
        ? first.detail
        : `Offre impossible à enregistrer : ${refusals.map((r) => `« ${labelOf(r.field)} »`).join(', ')}.`,
      refusals.map(({ field, detail }) => ({ field, detail })),
    );
  }
  return resolved;
}
