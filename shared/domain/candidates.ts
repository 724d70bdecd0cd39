import { z } from '../zod';
import { mailSchema, mobileSchema, newPasswordSchema, CONSENT_REQUIRED } from './account';
import { isoDateTimeSchema, requiredText, uuidSchema } from './fields';
import { contractTypeSchema } from './offers';
import { communeCodeSchema, romeCodeSchema } from './referentials';

// The candidate side of the reference platform (DESIGN.md §5): candidates register, describe
// their professional projects (profiles) and apply to offers. Staff never see their contact
// details; candidates never see the structure's.

/** Whether the candidate prepares a diploma or already holds it. */
export const diplomaStates = ['prepare', 'obtenu'] as const;
export const diplomaStateSchema = z.enum(diplomaStates, {
  error: 'État du diplôme invalide : « prepare » (en préparation) ou « obtenu ».',
});
export const diplomaStateLabels: Record<(typeof diplomaStates)[number], string> = {
  prepare: 'En préparation',
  obtenu: 'Obtenu',
};

/** `POST /candidates/register`. */
export const candidateRegistrationSchema = z.object({
  mail: mailSchema,
  password: newPasswordSchema,
  firstName: requiredText('Prénom', 100),
  lastName: requiredText('Nom', 100),
  mobile: mobileSchema,
  birthDate: z.iso.date({ error: 'Date de naissance invalide (aaaa-mm-jj).' }),
  consent: z.literal(true, { error: CONSENT_REQUIRED }),
});
export type CandidateRegistration = z.output<typeof candidateRegistrationSchema>;

export const MOBILITY_MAX_KM = 200;

/** `POST /candidate/profiles`: one professional project. */
export const profileCreateSchema = z.object({
  romeCode: romeCodeSchema,
  diplomas: z
    .array(z.object({ diplomaId: z.string().min(1, 'Diplôme invalide.'), state: diplomaStateSchema }), {
      error: 'Indiquez au moins un diplôme préparé ou obtenu.',
    })
    .min(1, 'Indiquez au moins un diplôme préparé ou obtenu.')
    .max(10, 'Pas plus de 10 diplômes par profil.'),
  communeCode: communeCodeSchema,
  mobilityKm: z
    .number({ error: 'La mobilité doit être un nombre de kilomètres.' })
    .int('La mobilité doit être un nombre entier de kilomètres.')
    .min(0, 'La mobilité ne peut pas être négative.')
    .max(MOBILITY_MAX_KM, `La mobilité ne doit pas dépasser ${MOBILITY_MAX_KM} km.`),
  availableFrom: z.iso.date({ error: 'Date de disponibilité invalide (aaaa-mm-jj).' }),
  contractTypes: z
    .array(contractTypeSchema, { error: 'Choisissez au moins un type de contrat.' })
    .min(1, 'Choisissez au moins un type de contrat.'),
  presentation: requiredText('Présentation', 2000),
  /** Obligation d'emploi des travailleurs handicapés: declared by the candidate, never inferred. */
  oeth: z.boolean({ error: 'Déclaration OETH invalide.' }),
});
export type ProfileCreate = z.output<typeof profileCreateSchema>;

/** `POST /candidate/applications`: only to an offer "En cours", once per profile and offer. */
export const candidateApplicationSchema = z.object({
  profileId: uuidSchema,
  offerId: uuidSchema,
  message: requiredText('Message', 4000),
});

/** A profile as its candidate reads it (`POST /candidate/profiles` answers it). */
export const candidateProfileSchema = profileCreateSchema.extend({
  id: uuidSchema,
  createdAt: isoDateTimeSchema,
});

/** What `POST /candidate/applications` answers the candidate. */
export const candidateApplicationReceiptSchema = z.object({
  id: uuidSchema,
  /** "N° de candidature". */
  number: z.number().int().positive(),
  offerId: uuidSchema,
  profileId: uuidSchema,
  createdAt: isoDateTimeSchema,
});

/** A reply to an application (entretien, refus), or a structure contacting a profile about an offer. */
export const candidateNotificationKinds = ['entretien', 'refus', 'contact'] as const;

/** `GET /candidate/notifications`: what the platform tells the candidate (a staff reply or contact). */
export const candidateNotificationSchema = z.object({
  id: uuidSchema,
  kind: z.enum(candidateNotificationKinds),
  /** The application replied to; null for a contact, which answers no application. */
  applicationId: uuidSchema.nullable(),
  applicationNumber: z.number().int().positive().nullable(),
  /** The profile a contact was about (null for a reply). */
  profileId: uuidSchema.nullable(),
  offerNumber: z.number().int().positive(),
  offerTitle: z.string(),
  /** The structure's name; never its contact details. */
  structureName: z.string(),
  message: z.string(),
  /** Why the application was refused, as the structure chose it (null otherwise). */
  refusalReason: z.string().nullable().default(null),
  createdAt: isoDateTimeSchema,
});
export type CandidateNotification = z.infer<typeof candidateNotificationSchema>;

/** `POST /candidates/register` (201) and `POST /candidates/login`: a candidate's access token. */
export const candidateSessionSchema = z.object({
  candidateId: uuidSchema,
  accessToken: z.string(),
  /** Seconds. */
  expiresIn: z.number().int().positive(),
});
export type CandidateSession = z.infer<typeof candidateSessionSchema>;
