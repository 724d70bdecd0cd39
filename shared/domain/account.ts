import { z } from '../zod';
import { toFrenchMobileE164 } from '../validation/phone';
import { describeMissingPasswordRules, missingPasswordRules } from '../validation/password';
import { isoDateTimeSchema, requiredText, stringField, uuidSchema } from './fields';

export const MAIL_INVALID = 'Mail invalide : saisissez une adresse de la forme nom@domaine.fr.';

export const mailSchema = stringField('Mail')
  .trim()
  .toLowerCase()
  .min(1, 'Le champ « Mail » est obligatoire.')
  .max(254, 'Le mail ne doit pas dépasser 254 caractères.')
  .regex(z.regexes.email, MAIL_INVALID);

/**
 * A new password: the CNIL's rules, each missing one named. Passwords are NFC-normalised
 * everywhere, so "é" typed as one character or as e + accent is the same password.
 */
export const newPasswordSchema = stringField('Mot de passe')
  .normalize('NFC')
  .max(200, 'Le mot de passe ne doit pas dépasser 200 caractères.')
  .superRefine((value, ctx) => {
    const missing = missingPasswordRules(value);
    if (missing.length > 0) ctx.addIssue({ code: 'custom', message: describeMissingPasswordRules(missing) });
  });

export const mobileSchema = stringField('Numéro de portable')
  .trim()
  .min(1, 'Le champ « Numéro de portable » est obligatoire.')
  .refine(
    (value) => toFrenchMobileE164(value) !== null,
    'Numéro de portable invalide : un numéro français en 06 ou 07 (par exemple 06 12 34 56 78).',
  )
  .transform((value) => toFrenchMobileE164(value) as string);

export const CONSENT_REQUIRED =
  'Vous devez accepter que les informations saisies soient exploitées pour créer votre compte.';

/** `POST /auth/register`. */
export const registrationSchema = z.object({
  mail: mailSchema,
  password: newPasswordSchema,
  firstName: requiredText('Prénom', 100),
  lastName: requiredText('Nom', 100),
  mobile: mobileSchema,
  consent: z.literal(true, { error: CONSENT_REQUIRED }),
});
export type Registration = z.output<typeof registrationSchema>;

export const PASSWORDS_DIFFER = 'Les deux mots de passe ne correspondent pas.';

/** A form's schema plus the password typed a second time in `confirmation` (labelled `label`). */
function withPasswordConfirmation<Shape extends z.ZodRawShape, P extends string, C extends string>(
  schema: z.ZodObject<Shape>,
  password: P,
  confirmation: C,
  label: string,
) {
  return schema
    .extend({ [confirmation]: stringField(label).normalize('NFC') } as Record<C, z.ZodString>)
    .refine(
      (value) =>
        (value as Record<string, unknown>)[password] === (value as Record<string, unknown>)[confirmation],
      {
        path: [confirmation],
        message: PASSWORDS_DIFFER,
        // Checked even when other fields are wrong, so the form shows every problem at once.
        // `when` runs on whatever was sent, not an object even (null): it must not throw.
        when: (payload) => {
          const value = payload.value as Record<string, unknown> | null;
          return (
            typeof value === 'object' &&
            value !== null &&
            typeof value[password] === 'string' &&
            typeof value[confirmation] === 'string'
          );
        },
      },
    );
}

/** The "Créer un compte" form: the registration plus the confirmation typed twice. */
export const registrationFormSchema = withPasswordConfirmation(
  registrationSchema,
  'password',
  'passwordConfirmation',
  'Confirmation du mot de passe',
);
export type RegistrationFormInput = z.input<typeof registrationFormSchema>;

/** `POST /auth/login`: no strength rule here, old passwords must still work. */
export const credentialsSchema = z.object({
  mail: mailSchema,
  password: stringField('Mot de passe')
    .normalize('NFC')
    .min(1, 'Le champ « Mot de passe » est obligatoire.')
    .max(200, 'Le mot de passe ne doit pas dépasser 200 caractères.'),
});
export type Credentials = z.output<typeof credentialsSchema>;

export const roles = ['referent', 'gestionnaire'] as const;
export const roleSchema = z.enum(roles);
export const roleLabels: Record<z.infer<typeof roleSchema>, string> = {
  referent: 'Référent',
  gestionnaire: 'Gestionnaire',
};

/** The signed-in user as the platform returns it (`GET /me`). */
export const userSchema = z.object({
  id: uuidSchema,
  mail: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  mobile: z.string().describe('E.164, par exemple +33612345678'),
  structureId: uuidSchema.nullable(),
  role: roleSchema.nullable(),
  createdAt: isoDateTimeSchema,
  /** +1 at each change, for If-Match. */
  version: z.number().int().positive(),
});
export type User = z.infer<typeof userSchema>;

/**
 * Where a user stands with a structure. A user attached to a structure without a role is a
 * pending collaborator: they asked to join, its référent has not approved them yet.
 */
export type Membership = 'none' | 'pending' | Role;
export type Role = z.infer<typeof roleSchema>;

export function membershipOf(user: { structureId: string | null; role: Role | null }): Membership {
  if (!user.structureId) return 'none';
  return user.role ?? 'pending';
}

/** A member's place in "Utilisateurs de ma structure". */
export const memberRoleSchema = z.enum(['referent', 'gestionnaire', 'pending']);
export type MemberRole = z.infer<typeof memberRoleSchema>;
export const memberRoleLabels: Record<MemberRole, string> = {
  ...roleLabels,
  pending: 'En attente de validation',
};

/** A user as the other members of their structure see them ("Utilisateurs de ma structure"). */
export const memberSchema = z.object({
  id: uuidSchema,
  firstName: z.string(),
  lastName: z.string(),
  mail: z.string(),
  role: memberRoleSchema,
  /** When they joined, or for a pending collaborator when they asked to. */
  joinedAt: isoDateTimeSchema,
  version: z.number().int().positive(),
});
export type Member = z.infer<typeof memberSchema>;

/** `PATCH /me`: personal information other than mail and password. */
export const userPatchSchema = z
  .object({
    firstName: requiredText('Prénom', 100),
    lastName: requiredText('Nom', 100),
    mobile: mobileSchema,
  })
  .partial();

const currentPasswordSchema = stringField('Mot de passe actuel')
  .normalize('NFC')
  .min(1, 'Le champ « Mot de passe actuel » est obligatoire.')
  .max(200, 'Le mot de passe ne doit pas dépasser 200 caractères.');

/** `POST /me/mail`: a new mail, confirmed by the current password. */
export const mailChangeSchema = z.object({
  newMail: mailSchema,
  currentPassword: currentPasswordSchema,
});
export type MailChange = z.output<typeof mailChangeSchema>;

/** `POST /me/password`. */
export const passwordChangeSchema = z.object({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
});

/** The "Changer mon mot de passe" form: the new password typed twice. */
export const passwordChangeFormSchema = withPasswordConfirmation(
  passwordChangeSchema,
  'newPassword',
  'newPasswordConfirmation',
  'Confirmation du nouveau mot de passe',
);
export type PasswordChangeFormInput = z.input<typeof passwordChangeFormSchema>;

/** `DELETE /me`: closing one's account is confirmed by the password. */
export const accountDeletionSchema = z.object({ currentPassword: currentPasswordSchema });

/** `GET /me/export`: everything the platform keeps about the user (GDPR right of access). */
export const accountExportSchema = z.object({
  exportedAt: isoDateTimeSchema,
  account: z.object({
    id: uuidSchema,
    mail: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    mobile: z.string(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
    consentAt: isoDateTimeSchema,
  }),
  structure: z
    .object({
      siret: z.string(),
      legalName: z.string(),
      membership: z.enum(['pending', 'referent', 'gestionnaire']),
      since: isoDateTimeSchema,
    })
    .nullable(),
  sessions: z.array(
    z.object({
      createdAt: isoDateTimeSchema,
      expiresAt: isoDateTimeSchema,
      revokedAt: isoDateTimeSchema.nullable(),
    }),
  ),
});
export type AccountExport = z.infer<typeof accountExportSchema>;
