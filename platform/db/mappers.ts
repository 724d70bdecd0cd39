import type { User } from '../../shared/domain/account';
import type { Company, HeadcountBand } from '../../shared/domain/company';
import type { Structure } from '../../shared/domain/structure';
import type { CompaniesTable, StructuresTable, UsersTable } from './schema';

export function toUser(row: UsersTable): User {
  return {
    id: row.id,
    mail: row.mail,
    firstName: row.first_name,
    lastName: row.last_name,
    mobile: row.mobile,
    structureId: row.structure_id,
    role: row.role,
    createdAt: row.created_at,
  };
}

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

export function toStructure(row: StructuresTable): Structure {
  return {
    id: row.id,
    siret: row.siret,
    legalName: row.legal_name,
    nafCode: row.naf_code,
    nafLabel: row.naf_label,
    headcountBand: row.headcount_band as HeadcountBand | null,
    tradeName: row.trade_name,
    email: row.email,
    phone: row.phone,
    website: row.website,
    address: {
      street: row.street,
      postalCode: row.postal_code,
      communeCode: row.commune_code,
      communeName: row.commune_name,
    },
    acceptsThirdGradeInterns: row.accepts_third_grade_interns === 1,
    acceptsSecondGradeInterns: row.accepts_second_grade_interns === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
