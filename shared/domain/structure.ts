import { z } from '../zod';
import { toFrenchE164 } from '../validation/phone';
import { companySchema, headcountBandSchema, siretSchema } from './company';
import { isoDateTimeSchema, optionalText, uuidSchema } from './fields';
import { replyTemplatesSchema } from './reply-templates';

/** The training centre or insertion body the user works for ("Ma structure"). */
export const structureSchema = z.object({
  id: uuidSchema,
  siret: z.string(),
  legalName: z.string(),
  nafCode: z.string(),
  nafLabel: z.string(),
  headcountBand: headcountBandSchema.nullable(),
  tradeName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable().describe('E.164'),
  website: z.string().nullable(),
  address: companySchema.shape.address,
  acceptsThirdGradeInterns: z.boolean(),
  acceptsSecondGradeInterns: z.boolean(),
  /** "Modèles de réponse" to applications; null until the structure edits them (defaults apply). */
  replyTemplates: replyTemplatesSchema.nullable(),
  version: z.number().int().positive(),
  updatedAt: isoDateTimeSchema,
});
export type Structure = z.infer<typeof structureSchema>;

/** `POST /structure` at first login: attach the account to its structure by SIRET. */
export const structureCreateSchema = z.object({ siret: siretSchema });
export type StructureCreate = z.output<typeof structureCreateSchema>;

const optionalMail = optionalText('Adresse électronique', 254).refine(
  (value) => value === null || z.regexes.email.test(value),
  'Adresse électronique invalide : saisissez une adresse de la forme nom@domaine.fr.',
);

const optionalPhone = optionalText('Téléphone', 30)
  .refine((value) => value === null || toFrenchE164(value) !== null, 'Numéro de téléphone invalide.')
  .transform((value) => (value === null ? null : toFrenchE164(value)));

const optionalWebsite = optionalText('Site internet', 300).refine(
  (value) => value === null || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value),
  'Site internet invalide : saisissez une adresse commençant par https://',
);

/** `PATCH /structure`: the fields a référent may edit (SIRET and directory data are not). */
export const structurePatchSchema = z
  .object({
    headcountBand: headcountBandSchema.nullable(),
    tradeName: optionalText('Nom commercial', 200),
    email: optionalMail,
    phone: optionalPhone,
    website: optionalWebsite,
    acceptsThirdGradeInterns: z.boolean({ error: 'Case à cocher invalide.' }),
    acceptsSecondGradeInterns: z.boolean({ error: 'Case à cocher invalide.' }),
    replyTemplates: replyTemplatesSchema.nullable(),
  })
  .partial()
  .strict();

/**
 * A pending collaborator's request to join a structure that already has a référent. Only the
 * directory's public facts about the structure: none of its data until the référent approves.
 */
export const joinRequestSchema = z.object({
  siret: z.string(),
  legalName: z.string(),
  communeName: z.string(),
  requestedAt: isoDateTimeSchema,
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/**
 * `POST /structure`: 201 with the structure when the caller creates it (they are its référent),
 * 202 with the request when it already exists (they wait for its référent's approval).
 */
export const structureAttachmentSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('created'), structure: structureSchema }),
  z.object({ status: z.literal('pending'), request: joinRequestSchema }),
]);
export type StructureAttachment = z.infer<typeof structureAttachmentSchema>;
