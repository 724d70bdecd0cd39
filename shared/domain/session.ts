import { z } from '../zod';
import { memberSchema, userSchema } from './account';
import { applicationSchema, applicationStatusSchema } from './applications';
import { employerSchema } from './employers';
import { offerSchema } from './offers';
import { joinRequestSchema, structureSchema } from './structure';
import { isoDateTimeSchema } from './fields';
import { syncStateSchema } from './sync';

/** The signed-in user as cached on this desktop, with where it stands with the platform. */
export const localUserSchema = userSchema.extend({ syncState: syncStateSchema });
export type LocalUser = z.infer<typeof localUserSchema>;

/** A member of the structure as cached on this desktop. */
export const localMemberSchema = memberSchema.extend({ syncState: syncStateSchema });
export type LocalMember = z.infer<typeof localMemberSchema>;

/** The structure as cached on this desktop. */
export const localStructureSchema = structureSchema.extend({ syncState: syncStateSchema });
export type LocalStructure = z.infer<typeof localStructureSchema>;

/**
 * Why the last account was signed out by the app itself (removed from its structure): its local
 * data stays on this desktop until its owner chooses to delete it.
 */
export const signOutNoticeSchema = z.object({
  userId: z.uuid(),
  mail: z.string(),
  message: z.string(),
});
export type SignOutNotice = z.infer<typeof signOutNoticeSchema>;

export const sessionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signedOut'), notice: signOutNoticeSchema.nullable() }),
  z.object({
    status: z.literal('signedIn'),
    user: localUserSchema,
    /** Null until the first login attaches the account to a structure. */
    structure: localStructureSchema.nullable(),
    /** A pending collaborator's request, while the structure's référent has not approved it. */
    joinRequest: joinRequestSchema.nullable(),
    /** The platform no longer accepts this desktop's tokens: local data is readable, a new login is needed to sync. */
    reauthRequired: z.boolean(),
  }),
]);
export type Session = z.infer<typeof sessionSchema>;

export const connectivitySchema = z.object({
  state: z.enum(['unknown', 'online', 'offline']),
  /** Last time the platform answered. */
  lastContactAt: isoDateTimeSchema.nullable(),
});
export type Connectivity = z.infer<typeof connectivitySchema>;

/** A partner employer as listed on this desktop ("Suivi des employeurs"). */
export const localEmployerSchema = employerSchema.extend({
  syncState: syncStateSchema,
  offersInProgress: z.number().int().nonnegative(),
  offersTotal: z.number().int().nonnegative(),
});
export type LocalEmployer = z.infer<typeof localEmployerSchema>;

/** An offer as cached on this desktop. */
export const localOfferSchema = offerSchema.extend({ syncState: syncStateSchema });
export type LocalOffer = z.infer<typeof localOfferSchema>;

/** An application as cached on this desktop ("Candidatures"). */
export const localApplicationSchema = applicationSchema.extend({
  syncState: syncStateSchema,
  /** "A traiter" for more than REPLY_REMINDER_DAYS days. */
  overdue: z.boolean(),
});
export type LocalApplication = z.infer<typeof localApplicationSchema>;

/**
 * "Détails" of one application: the cached row, plus what the platform says of it when a local
 * change is still waiting or was refused (a reply sent offline to an application the candidate
 * abandoned meanwhile: the reply is kept, the platform's status shown beside it).
 */
export const applicationDetailsSchema = localApplicationSchema.extend({
  platformStatus: applicationStatusSchema.nullable(),
  /** Why the platform refused the waiting change (French), when it did. */
  refusal: z.string().nullable(),
});
export type ApplicationDetails = z.infer<typeof applicationDetailsSchema>;
