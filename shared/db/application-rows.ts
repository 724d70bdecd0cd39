import type { Application, ApplicationStatus, RefusalReason } from '../domain/applications';

// The columns of an application, the same on the platform (`applications`) and in the desktop's
// cache (`application`), and the entity they hold.

export interface ApplicationColumns {
  id: string;
  number: number;
  offer_id: string;
  offer_number: number;
  offer_title: string;
  employer_id: string;
  employer_name: string;
  /** JSON of the applicant's profile, null once the candidate's data was removed. */
  profile: string | null;
  /** Denormalised from the profile for sorting and searching (null once removed). */
  applicant_name: string | null;
  oeth: number;
  message: string | null;
  status: ApplicationStatus;
  abandon_reason: string | null;
  reply_message: string | null;
  refusal_reason: RefusalReason | null;
  refusal_detail: string | null;
  replied_at: string | null;
  replied_by: string | null;
  read_at: string | null;
  read_by: string | null;
  received_at: string;
  /** JSON array of the activity history. */
  history: string;
  version: number;
  updated_at: string;
}

export function applicationFromColumns(row: ApplicationColumns): Application {
  return {
    id: row.id,
    number: row.number,
    offerId: row.offer_id,
    offerNumber: row.offer_number,
    offerTitle: row.offer_title,
    employerId: row.employer_id,
    employerName: row.employer_name,
    profile: row.profile === null ? null : (JSON.parse(row.profile) as Application['profile']),
    message: row.message,
    status: row.status,
    abandonReason: row.abandon_reason,
    replyMessage: row.reply_message,
    refusalReason: row.refusal_reason,
    refusalDetail: row.refusal_detail,
    repliedAt: row.replied_at,
    repliedBy: row.replied_by,
    readAt: row.read_at,
    readBy: row.read_by,
    receivedAt: row.received_at,
    history: JSON.parse(row.history) as Application['history'],
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function applicationToColumns(application: Application): ApplicationColumns {
  const { profile } = application;
  return {
    id: application.id,
    number: application.number,
    offer_id: application.offerId,
    offer_number: application.offerNumber,
    offer_title: application.offerTitle,
    employer_id: application.employerId,
    employer_name: application.employerName,
    profile: profile === null ? null : JSON.stringify(profile),
    applicant_name: profile === null ? null : `${profile.firstName} ${profile.lastName}`,
    oeth: profile?.oeth ? 1 : 0,
    message: application.message,
    status: application.status,
    abandon_reason: application.abandonReason,
    reply_message: application.replyMessage,
    refusal_reason: application.refusalReason,
    refusal_detail: application.refusalDetail,
    replied_at: application.repliedAt,
    replied_by: application.repliedBy,
    read_at: application.readAt,
    read_by: application.readBy,
    received_at: application.receivedAt,
    history: JSON.stringify(application.history),
    version: application.version,
    updated_at: application.updatedAt,
  };
}
