import type { Member, MemberRole, User } from '../domain/account';
import type { HeadcountBand } from '../domain/company';
import type { Structure } from '../domain/structure';

// The platform's tables and the desktop's cache store users and structures in the same
// columns; one mapping serves both sides.

export interface UserColumns {
  id: string;
  mail: string;
  first_name: string;
  last_name: string;
  mobile: string;
  structure_id: string | null;
  role: 'referent' | 'gestionnaire' | null;
  created_at: string;
  version: number;
}

export interface MemberColumns {
  id: string;
  first_name: string;
  last_name: string;
  mail: string;
  role: MemberRole;
  joined_at: string;
  version: number;
}

export interface StructureColumns {
  id: string;
  siret: string;
  legal_name: string;
  naf_code: string;
  naf_label: string;
  headcount_band: string | null;
  trade_name: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  street: string;
  postal_code: string;
  commune_code: string;
  commune_name: string;
  accepts_third_grade_interns: number;
  accepts_second_grade_interns: number;
  version: number;
  updated_at: string;
}

export function userFromColumns(row: UserColumns): User {
  return {
    id: row.id,
    mail: row.mail,
    firstName: row.first_name,
    lastName: row.last_name,
    mobile: row.mobile,
    structureId: row.structure_id,
    role: row.role,
    createdAt: row.created_at,
    version: row.version,
  };
}

export function userToColumns(user: User): UserColumns {
  return {
    id: user.id,
    mail: user.mail,
    first_name: user.firstName,
    last_name: user.lastName,
    mobile: user.mobile,
    structure_id: user.structureId,
    role: user.role,
    created_at: user.createdAt,
    version: user.version,
  };
}

export function memberFromColumns(row: MemberColumns): Member {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    mail: row.mail,
    role: row.role,
    joinedAt: row.joined_at,
    version: row.version,
  };
}

export function memberToColumns(member: Member): MemberColumns {
  return {
    id: member.id,
    first_name: member.firstName,
    last_name: member.lastName,
    mail: member.mail,
    role: member.role,
    joined_at: member.joinedAt,
    version: member.version,
  };
}

export function structureFromColumns(row: StructureColumns): Structure {
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

export function structureToColumns(structure: Structure): StructureColumns {
  return {
    id: structure.id,
    siret: structure.siret,
    legal_name: structure.legalName,
    naf_code: structure.nafCode,
    naf_label: structure.nafLabel,
    headcount_band: structure.headcountBand,
    trade_name: structure.tradeName,
    email: structure.email,
    phone: structure.phone,
    website: structure.website,
    street: structure.address.street,
    postal_code: structure.address.postalCode,
    commune_code: structure.address.communeCode,
    commune_name: structure.address.communeName,
    accepts_third_grade_interns: structure.acceptsThirdGradeInterns ? 1 : 0,
    accepts_second_grade_interns: structure.acceptsSecondGradeInterns ? 1 : 0,
    version: structure.version,
    updated_at: structure.updatedAt,
  };
}
