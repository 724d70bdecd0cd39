import { z } from '../zod';
import { diplomaStateSchema } from './candidates';
import { isoDateTimeSchema, requiredText, uuidSchema } from './fields';
import { contractTypeSchema } from './offers';

// "Candidatures sur mes offres" (DESIGN.md §7): what staff see of an application and how they
// answer it. A candidate's contact details never reach staff: they talk through platform messages.

export const applicationStatuses = ['a_traiter', 'recevable', 'refusee', 'abandonnee'] as const;
export const applicationStatusSchema = z.enum(applicationStatuses, {
  error: 'Statut de candidature invalide.',
});
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

/** The dashboard's counts and lists (DESIGN.md §7), in the plural. */
export const applicationStatusTabLabels: Record<ApplicationStatus, string> = {
  a_traiter: 'A traiter',
  recevable: 'Recevables',
  refusee: 'Refusées',
  abandonnee: 'Abandonnées',
};

/** One application's status. */
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  a_traiter: 'A traiter',
  recevable: 'Recevable',
  refusee: 'Refusée',
  abandonnee: 'Abandonnée',
};

/** An application "A traiter" for longer than this is flagged on the dashboard. */
export const REPLY_REMINDER_DAYS = 7;

/** The two answers of "Répondre à cette candidature", as the status they give. */
export const replyDecisions = ['recevable', 'refusee'] as const;
export const replyDecisionLabels: Record<(typeof replyDecisions)[number], string> = {
  recevable: "Organiser un entretien / obtenir plus d'informations",
  refusee: 'Refuser la candidature',
};
export const REPLY_DECISION_REQUIRED =
  "Choisissez « Organiser un entretien / obtenir plus d'informations » ou « Refuser la candidature ».";

/** The manual's warning: the candidate cannot reach the structure otherwise. */
export const REPLY_CONTACT_WARNING =
  'Le candidat ne dispose pas des coordonnées de votre structure : indiquez dans votre message un mail ou un téléphone pour qu’il puisse vous répondre.';

export const OETH_SENTENCE =
  'Ce candidat a déclaré bénéficier de l’obligation d’emploi des travailleurs handicapés (OETH).';

/** Why an application is refused: one of a fixed list (counted in the statistics), "autre" with a text. */
export const refusalReasons = [
  'profil_inadapte',
  'offre_pourvue',
  'candidature_incomplete',
  'distance_mobilite',
  'autre',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];
export const refusalReasonLabels: Record<RefusalReason, string> = {
  profil_inadapte: 'Profil ne correspondant pas aux attentes',
  offre_pourvue: 'Offre déjà pourvue',
  candidature_incomplete: 'Candidature incomplète',
  distance_mobilite: 'Distance ou mobilité',
  autre: 'Autre',
};
export const REFUSAL_DETAIL_MAX = 200;
export const REFUSAL_REASON_REQUIRED = 'Choisissez le motif du refus.';
export const REFUSAL_DETAIL_REQUIRED = 'Précisez le motif du refus.';
const REFUSAL_REASON_UNEXPECTED = 'Un motif de refus ne s’indique qu’avec « Refuser la candidature ».';

/** A refusal's reason as the candidate and the history read it: the label, or the text of "autre". */
export function refusalReasonText(reason: RefusalReason, detail: string | null): string {
  return reason === 'autre' && detail ? detail : refusalReasonLabels[reason];
}

/** The fields of a reply, before the rules that tie them together (see applicationReplySchema). */
export const applicationReplyFields = z
  .object({
    status: z.enum(replyDecisions, { error: REPLY_DECISION_REQUIRED }),
    replyMessage: requiredText('Message', 4000),
    refusalReason: z.enum(refusalReasons, { error: 'Motif du refus invalide.' }).optional(),
    refusalDetail: z
      .string({ error: 'Précision du motif invalide.' })
      .trim()
      .max(REFUSAL_DETAIL_MAX, `La précision du motif ne doit pas dépasser ${REFUSAL_DETAIL_MAX} caractères.`)
      .optional(),
  })
  .strict();

/**
 * "Répondre à cette candidature": `POST /applications/{id}/reply`, and the local change the
 * desktop queues (the status it gives is shown at once, offline included). A refusal needs its
 * reason, "autre" its text; an interview takes none.
 */
export function checkReplyRules(
  reply: { status: string; refusalReason?: RefusalReason | undefined; refusalDetail?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (reply.status === 'refusee' && !reply.refusalReason)
    ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: REFUSAL_REASON_REQUIRED });
  if (reply.status !== 'refusee' && reply.refusalReason)
    ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: REFUSAL_REASON_UNEXPECTED });
  if (reply.refusalReason === 'autre' && !reply.refusalDetail)
    ctx.addIssue({ code: 'custom', path: ['refusalDetail'], message: REFUSAL_DETAIL_REQUIRED });
  if (reply.refusalReason !== 'autre' && reply.refusalDetail)
    ctx.addIssue({
      code: 'custom',
      path: ['refusalDetail'],
      message: 'La précision du motif ne s’indique qu’avec le motif « Autre ».',
    });
}

/** The rules run even when another field is wrong: a form shows every missing field at once. */
export const replyRulesParams = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

export const applicationReplySchema = applicationReplyFields.superRefine(checkReplyRules, replyRulesParams);
export type ApplicationReply = z.output<typeof applicationReplySchema>;
export type ApplicationReplyInput = z.input<typeof applicationReplySchema>;

/** `PATCH /applications/{id}`: the first opening of "Détails" by a member of the structure. */
export const applicationReadSchema = z.object({ readAt: isoDateTimeSchema }).strict();

/**
 * Every field a local change of an application may carry (the sync engine's patch schema): a
 * reply goes to `POST …/reply`, a reading to `PATCH`.
 */
export const applicationPatchSchema = applicationReplyFields
  .extend(applicationReadSchema.shape)
  .partial()
  .strict();

/** The profile an application was made with, as staff see it: no mail, no phone, no address. */
export const applicantProfileSchema = z.object({
  id: uuidSchema,
  firstName: z.string(),
  lastName: z.string(),
  /** Age in years on the day of the application (from the birth date staff never see). */
  age: z.number().int().nonnegative(),
  romeCode: z.string(),
  romeLabel: z.string(),
  diplomas: z.array(
    z.object({ id: z.string(), label: z.string(), level: z.number().int(), state: diplomaStateSchema }),
  ),
  communeCode: z.string(),
  communeName: z.string(),
  mobilityKm: z.number().int().nonnegative(),
  availableFrom: z.string(),
  contractTypes: z.array(contractTypeSchema),
  presentation: z.string(),
  oeth: z.boolean(),
});
export type ApplicantProfile = z.infer<typeof applicantProfileSchema>;

export const applicationEventKinds = ['recue', 'lue', 'repondue', 'abandonnee'] as const;
export const applicationEventLabels: Record<(typeof applicationEventKinds)[number], string> = {
  recue: 'Candidature reçue',
  lue: 'Candidature lue',
  repondue: 'Réponse envoyée',
  abandonnee: 'Candidature abandonnée',
};

/** One line of an application's activity history. */
export const applicationEventSchema = z.object({
  kind: z.enum(applicationEventKinds),
  at: isoDateTimeSchema,
  /** Who did it: a member's name, or null for the candidate and the platform. */
  by: z.string().nullable(),
  /** The decision of a reply ("Recevable"), the reason of an abandonment. */
  detail: z.string().nullable(),
});
export type ApplicationEvent = z.infer<typeof applicationEventSchema>;

/** An application to one of the structure's offers (synced entity `application`). */
export const applicationSchema = z.object({
  id: uuidSchema,
  /** "N° de candidature". */
  number: z.number().int().positive(),
  offerId: uuidSchema,
  offerNumber: z.number().int().positive(),
  offerTitle: z.string(),
  employerId: uuidSchema,
  employerName: z.string(),
  /** Null once the candidate deleted the profile or closed the account (personal data removed). */
  profile: applicantProfileSchema.nullable(),
  /** The candidate's message (null once removed with the profile). */
  message: z.string().nullable(),
  status: applicationStatusSchema,
  /** Why it is "Abandonnée" (French, for staff). */
  abandonReason: z.string().nullable(),
  replyMessage: z.string().nullable(),
  /** Why it was refused (null otherwise; entries from before the reasons read null). */
  refusalReason: z.enum(refusalReasons).nullable().default(null),
  /** The text of a reason "autre". */
  refusalDetail: z.string().nullable().default(null),
  repliedAt: isoDateTimeSchema.nullable(),
  repliedBy: z.string().nullable(),
  readAt: isoDateTimeSchema.nullable(),
  readBy: z.string().nullable(),
  receivedAt: isoDateTimeSchema,
  history: z.array(applicationEventSchema),
  version: z.number().int().positive(),
  updatedAt: isoDateTimeSchema,
});
export type Application = z.infer<typeof applicationSchema>;

/** The state of an application when the platform receives it: "A traiter", unread, unanswered. */
export function receivedState(receivedAt: string) {
  return {
    status: 'a_traiter' as const,
    abandonReason: null,
    replyMessage: null,
    refusalReason: null,
    refusalDetail: null,
    repliedAt: null,
    repliedBy: null,
    readAt: null,
    readBy: null,
    receivedAt,
    history: [{ kind: 'recue' as const, at: receivedAt, by: null, detail: null }],
    version: 1,
  };
}

/** How a candidate is named to staff (and once their data is gone). */
export function applicantName(application: Pick<Application, 'profile'>): string {
  return application.profile
    ? `${application.profile.firstName} ${application.profile.lastName}`
    : 'Candidat (données supprimées)';
}

/** Whether an application waits for an answer for longer than the reminder allows. */
export function isOverdue(
  application: Pick<Application, 'status' | 'receivedAt'>,
  now: Date = new Date(),
): boolean {
  return (
    application.status === 'a_traiter' &&
    now.getTime() - Date.parse(application.receivedAt) > REPLY_REMINDER_DAYS * 86_400_000
  );
}

/** `GET /applications` (the REST listing; the desktop reads its synced cache instead). */
export const applicationsQuerySchema = z.object({
  status: applicationStatusSchema.optional(),
  offerId: uuidSchema.optional(),
  page: z.coerce.number().int().min(1, 'La page doit être un entier positif.').default(1),
});

export const applicationsPageSchema = z.object({
  applications: z.array(applicationSchema),
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  total: z.number().int().nonnegative(),
});
