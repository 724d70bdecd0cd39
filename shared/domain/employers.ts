import { z } from '../zod';
import { toFrenchE164 } from '../validation/phone';
import { companySchema, siretSchema } from './company';
import { isoDateTimeSchema, requiredText, stringField, uuidSchema } from './fields';

/**
 * A partner employer's request: "en_attente" only on a desktop that has not sent it yet; the
 * platform accepts or refuses it at once, with a reason.
 */
export const employerStatuses = ['en_attente', 'acceptee', 'refusee'] as const;
export const employerStatusSchema = z.enum(employerStatuses);
export type EmployerStatus = z.infer<typeof employerStatusSchema>;
export const employerStatusLabels: Record<EmployerStatus, string> = {
  en_attente: 'En attente',
  acceptee: 'Acceptée',
  refusee: 'Refusée',
};

const contactMail = stringField('Mail du contact')
  .trim()
  .toLowerCase()
  .min(1, 'Le champ « Mail du contact » est obligatoire.')
  .max(254, 'Le mail du contact ne doit pas dépasser 254 caractères.')
  .regex(z.regexes.email, 'Mail du contact invalide : saisissez une adresse de la forme nom@domaine.fr.');

const contactPhone = stringField('Téléphone du contact')
  .trim()
  .min(1, 'Le champ « Téléphone du contact » est obligatoire.')
  .refine((value) => toFrenchE164(value) !== null, 'Téléphone du contact invalide.')
  .transform((value) => toFrenchE164(value) as string);

/**
 * The employer's contact person: private to the structure, never shown to candidates.
 * Flat fields, so that forms, CSV columns and sync patches name them the same way.
 */
export const employerContactSchema = z.object({
  contactLastName: requiredText('Nom du contact', 100),
  contactFirstName: requiredText('Prénom du contact', 100),
  contactMail: contactMail,
  contactPhone: contactPhone,
});

/** "Ajouter un employeur" / `POST /employers` (the id is made by the desktop, for offline creation). */
export const employerCreateSchema = employerContactSchema
  .extend({ id: uuidSchema, siret: siretSchema })
  .strict();
export type EmployerCreate = z.output<typeof employerCreateSchema>;

/** The form (and a CSV row): the same without the id. */
export const employerFormSchema = employerCreateSchema.omit({ id: true });
export type EmployerFormInput = z.input<typeof employerFormSchema>;

/** `PATCH /employers/{id}`: only the contact person changes; the rest comes from the directory. */
export const employerPatchSchema = employerContactSchema.partial().strict();

/** A partner employer of the structure (synced entity `employer`). */
export const employerSchema = z.object({
  id: uuidSchema,
  siret: z.string(),
  /** From the company directory: null until the platform has looked the SIRET up. */
  legalName: z.string().nullable(),
  tradeName: z.string().nullable(),
  nafCode: z.string().nullable(),
  nafLabel: z.string().nullable(),
  address: companySchema.shape.address.nullable(),
  contactLastName: z.string(),
  contactFirstName: z.string(),
  contactMail: z.string(),
  contactPhone: z.string().describe('E.164'),
  status: employerStatusSchema,
  /** Why the platform refused the request, in French. */
  refusalReason: z.string().nullable(),
  createdBy: uuidSchema,
  createdAt: isoDateTimeSchema,
  /** 0 while the platform has never seen it. */
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Employer = z.infer<typeof employerSchema>;

/** The name staff read: trade name, else legal name, else the SIRET (not yet looked up). */
export function employerName(employer: Pick<Employer, 'tradeName' | 'legalName' | 'siret'>): string {
  return employer.tradeName ?? employer.legalName ?? `Siret ${employer.siret}`;
}
