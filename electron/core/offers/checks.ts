import { sql } from 'kysely';
import { employerFromColumns } from '../../../shared/db/rows';
import { employerName } from '../../../shared/domain/employers';
import type { Offer, OfferFields } from '../../../shared/domain/offers';
import { ROME_VERSION } from '../../../shared/domain/referentials';
import { type AppError, validationError } from '../../../shared/ipc/errors';
import type { z } from '../../../shared/zod';
import type { EmployerTable } from '../db/schema';
import type { ReadTx } from '../db/store';
import { communeByCode, romeByCode, unknownDiplomas } from '../referentials/lookup';
import { isCached } from '../referentials/tables';

/** The labels an offer shows for its codes; the platform recomputes them, they are never sent. */
export type OfferLabels = Partial<Pick<Offer, 'employerName' | 'romeLabel' | 'romeVersion' | 'communeName'>>;

const waitingEmployer =
  'Cet employeur n’est pas encore accepté par la plateforme : synchronisez, puis réessayez quand sa demande est acceptée.';
const refusedEmployer =
  'Cet employeur a été refusé par la plateforme : choisissez un employeur partenaire accepté.';

/**
 * Checks the codes of an offer's fields (the ones given) against this desktop's data: the
 * employer must be an accepted partner; the métier, diplomas and commune must be in the
 * referentials, once they are downloaded (before that, the platform checks them). Answers
 * the labels that follow from the codes, or refuses with a French message for each field.
 */
export function checkOfferFields(tx: ReadTx, fields: Partial<OfferFields>): OfferLabels {
  const errors: Record<string, string> = {};
  const labels: OfferLabels = {};
  if (fields.employerId !== undefined) {
    const row = tx.first<EmployerTable>(sql`select * from employer where id = ${fields.employerId}`);
    const employer = row && employerFromColumns(row);
    if (!employer) errors.employerId = 'Cet employeur est introuvable sur ce poste.';
    else if (employer.status === 'en_attente') errors.employerId = waitingEmployer;
    else if (employer.status === 'refusee') errors.employerId = refusedEmployer;
    else labels.employerName = employerName(employer);
  }
  if (fields.romeCode !== undefined) {
    labels.romeVersion = ROME_VERSION;
    if (isCached(tx, 'rome')) {
      const rome = romeByCode(tx, fields.romeCode);
      if (rome) labels.romeLabel = rome.label;
      else
        errors.romeCode = `Métier inconnu (code ${fields.romeCode}) : choisissez un métier de la liste (ROME ${ROME_VERSION}).`;
    }
  }
  if (fields.diplomaIds !== undefined && isCached(tx, 'diplomas')) {
    const unknown = unknownDiplomas(tx, fields.diplomaIds);
    if (unknown.length > 0)
      errors.diplomaIds = `Diplôme${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} (${unknown.join(', ')}) : choisissez les diplômes dans la liste.`;
  }
  if (fields.communeCode !== undefined && isCached(tx, 'communes')) {
    const commune = communeByCode(tx, fields.communeCode);
    if (commune) labels.communeName = commune.name;
    else
      errors.communeCode = `Lieu inconnu (code ${fields.communeCode}) : choisissez une commune de Nouvelle-Aquitaine dans la liste.`;
  }
  if (Object.keys(errors).length > 0) throw fieldsRefused(errors);
  return labels;
}

/** The same envelope as a schema's refusal: a message naming the fields, a message per field. */
function fieldsRefused(errors: Record<string, string>): AppError {
  return validationError(
    Object.entries(errors).map(
      ([field, message]) =>
        ({ code: 'custom', path: [field], message, input: undefined }) as z.core.$ZodIssue,
    ),
  );
}
