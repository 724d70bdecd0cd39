import type { EmployerCreate } from '../../shared/domain/employers';
import type { PlatformDb } from '../db/open';
import type { CompaniesTable, EmployersTable } from '../db/schema';

export const REFUSED_UNKNOWN =
  'Aucun établissement ne correspond à ce Siret dans l’annuaire des entreprises : vérifiez le numéro.';
export const REFUSED_CLOSED = 'Cet établissement est fermé selon l’annuaire des entreprises.';
export const REFUSED_ALREADY_PARTNER = 'Cet employeur est déjà un partenaire de votre structure.';

/**
 * The platform's answer to "Ajouter un employeur": accepted with the directory's facts about the
 * establishment, or refused with the reason, in French. Refusals are answers too (201, status
 * "refusee"), not errors: the desktop sent the request long ago, maybe offline, and shows the
 * outcome in "Suivi des employeurs".
 */
export async function screenEmployer(
  trx: PlatformDb,
  nafLabels: ReadonlyMap<string, string>,
  request: { structureId: string; createdBy: string; now: string; body: EmployerCreate },
): Promise<EmployersTable> {
  const { structureId, createdBy, now, body } = request;
  const company = await trx
    .selectFrom('companies')
    .selectAll()
    .where('siret', '=', body.siret)
    .executeTakeFirst();
  let refusalReason: string | null = null;
  if (!company) refusalReason = REFUSED_UNKNOWN;
  else if (company.active !== 1) refusalReason = REFUSED_CLOSED;
  else {
    const partner = await trx
      .selectFrom('employers')
      .select('id')
      .where('structure_id', '=', structureId)
      .where('siret', '=', body.siret)
      .where('status', '=', 'acceptee')
      .executeTakeFirst();
    if (partner) refusalReason = REFUSED_ALREADY_PARTNER;
  }
  return {
    id: body.id,
    structure_id: structureId,
    siret: body.siret,
    ...directoryFacts(company, nafLabels),
    contact_last_name: body.contactLastName,
    contact_first_name: body.contactFirstName,
    contact_mail: body.contactMail,
    contact_phone: body.contactPhone,
    status: refusalReason === null ? 'acceptee' : 'refusee',
    refusal_reason: refusalReason,
    created_by: createdBy,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/** What the directory says of the establishment (also on a refusal, so staff see which it was). */
function directoryFacts(company: CompaniesTable | undefined, nafLabels: ReadonlyMap<string, string>) {
  return {
    legal_name: company?.legal_name ?? null,
    trade_name: company?.trade_name ?? null,
    naf_code: company?.naf_code ?? null,
    naf_label: company ? (nafLabels.get(company.naf_code) ?? company.naf_code) : null,
    street: company?.street ?? null,
    postal_code: company?.postal_code ?? null,
    commune_code: company?.commune_code ?? null,
    commune_name: company?.commune_name ?? null,
  };
}
