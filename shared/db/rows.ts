import type { Member, MemberRole, User } from '../domain/account';
import type { HeadcountBand } from '../domain/company';
import type { Employer, EmployerStatus } from '../domain/employers';
import type { ContractType, Offer, OfferStatus } from '../domain/offers';
import type { Structure } from '../domain/structure';
import type { ReplyTemplate } from '../domain/reply-templates';

// The platform's tables and the desktop's cache store users, structures, employers and offers
// in the same columns; one mapping serves both sides.

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
  /** JSON array of reply templates, or null for the defaults. */
  reply_templates: string | null;
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
    replyTemplates:
      row.reply_templates === null ? null : (JSON.parse(row.reply_templates) as ReplyTemplate[]),
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
    reply_templates: structure.replyTemplates === null ? null : JSON.stringify(structure.replyTemplates),
    version: structure.version,
    updated_at: structure.updatedAt,
  };
}

export interface EmployerColumns {
  id: string;
  siret: string;
  legal_name: string | null;
  trade_name: string | null;
  naf_code: string | null;
  naf_label: string | null;
  /** The four address columns are null together: the directory was not looked up yet. */
  street: string | null;
  postal_code: string | null;
  commune_code: string | null;
  commune_name: string | null;
  contact_last_name: string;
  contact_first_name: string;
  contact_mail: string;
  contact_phone: string;
  status: EmployerStatus;
  refusal_reason: string | null;
  created_by: string;
  created_at: string;
  version: number;
  updated_at: string;
}

export function employerFromColumns(row: EmployerColumns): Employer {
  return {
    id: row.id,
    siret: row.siret,
    legalName: row.legal_name,
    tradeName: row.trade_name,
    nafCode: row.naf_code,
    nafLabel: row.naf_label,
    address:
      row.street === null ||
      row.postal_code === null ||
      row.commune_code === null ||
      row.commune_name === null
        ? null
        : {
            street: row.street,
            postalCode: row.postal_code,
            communeCode: row.commune_code,
            communeName: row.commune_name,
          },
    contactLastName: row.contact_last_name,
    contactFirstName: row.contact_first_name,
    contactMail: row.contact_mail,
    contactPhone: row.contact_phone,
    status: row.status,
    refusalReason: row.refusal_reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function employerToColumns(employer: Employer): EmployerColumns {
  return {
    id: employer.id,
    siret: employer.siret,
    legal_name: employer.legalName,
    trade_name: employer.tradeName,
    naf_code: employer.nafCode,
    naf_label: employer.nafLabel,
    street: employer.address?.street ?? null,
    postal_code: employer.address?.postalCode ?? null,
    commune_code: employer.address?.communeCode ?? null,
    commune_name: employer.address?.communeName ?? null,
    contact_last_name: employer.contactLastName,
    contact_first_name: employer.contactFirstName,
    contact_mail: employer.contactMail,
    contact_phone: employer.contactPhone,
    status: employer.status,
    refusal_reason: employer.refusalReason,
    created_by: employer.createdBy,
    created_at: employer.createdAt,
    version: employer.version,
    updated_at: employer.updatedAt,
  };
}

export interface OfferColumns {
  id: string;
  number: number | null;
  employer_id: string;
  employer_name: string;
  title: string;
  rome_code: string;
  rome_label: string;
  rome_version: string;
  /** JSON array of diploma ids. */
  diploma_ids: string;
  contract_type: ContractType;
  start_date: string;
  duration_months: number;
  positions: number;
  rhythm: string | null;
  commune_code: string;
  commune_name: string;
  description: string;
  handicap_commitment: number;
  shared_with_structure: number;
  france_travail: number;
  status: OfferStatus;
  created_by: string;
  created_at: string;
  published_at: string | null;
  archive_at: string | null;
  applications_count: number;
  version: number;
  updated_at: string;
}

export function offerFromColumns(row: OfferColumns): Offer {
  return {
    id: row.id,
    number: row.number,
    employerId: row.employer_id,
    employerName: row.employer_name,
    title: row.title,
    romeCode: row.rome_code,
    romeLabel: row.rome_label,
    romeVersion: row.rome_version,
    diplomaIds: JSON.parse(row.diploma_ids) as string[],
    contractType: row.contract_type,
    startDate: row.start_date,
    durationMonths: row.duration_months,
    positions: row.positions,
    rhythm: row.rhythm,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    description: row.description,
    handicapCommitment: row.handicap_commitment === 1,
    sharedWithStructure: row.shared_with_structure === 1,
    franceTravail: row.france_travail === 1,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    archiveAt: row.archive_at,
    applicationsCount: row.applications_count,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function offerToColumns(offer: Offer): OfferColumns {
  return {
    id: offer.id,
    number: offer.number,
    employer_id: offer.employerId,
    employer_name: offer.employerName,
    title: offer.title,
    rome_code: offer.romeCode,
    rome_label: offer.romeLabel,
    rome_version: offer.romeVersion,
    diploma_ids: JSON.stringify(offer.diplomaIds),
    contract_type: offer.contractType,
    start_date: offer.startDate,
    duration_months: offer.durationMonths,
    positions: offer.positions,
    rhythm: offer.rhythm,
    commune_code: offer.communeCode,
    commune_name: offer.communeName,
    description: offer.description,
    handicap_commitment: offer.handicapCommitment ? 1 : 0,
    shared_with_structure: offer.sharedWithStructure ? 1 : 0,
    france_travail: offer.franceTravail ? 1 : 0,
    status: offer.status,
    created_by: offer.createdBy,
    created_at: offer.createdAt,
    published_at: offer.publishedAt,
    archive_at: offer.archiveAt,
    applications_count: offer.applicationsCount,
    version: offer.version,
    updated_at: offer.updatedAt,
  };
}
