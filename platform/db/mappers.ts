import type { Member } from '../../shared/domain/account';
import type { Company, HeadcountBand } from '../../shared/domain/company';
import { memberFromColumns } from '../../shared/db/rows';
import type { CompaniesTable, UsersTable } from './schema';

export { structureFromColumns as toStructure, userFromColumns as toUser } from '../../shared/db/rows';

export function toCompany(row: CompaniesTable, nafLabel: string): Company {
  return {
    siret: row.siret,
    siren: row.siren,
    legalName: row.legal_name,
    tradeName: row.trade_name,
    nafCode: row.naf_code,
    nafLabel,
    headcountBand: row.headcount_band as HeadcountBand | null,
    address: {
      street: row.street,
      postalCode: row.postal_code,
      communeCode: row.commune_code,
      communeName: row.commune_name,
    },
    active: row.active === 1,
  };
}

/** A user's card in their structure: a collaborator without a role yet is pending. */
export function toMember(row: UsersTable): Member {
  return memberFromColumns({
    ...row,
    role: row.role ?? 'pending',
    joined_at: row.structure_joined_at ?? row.created_at,
  });
}
