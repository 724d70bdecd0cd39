import { z } from '../zod';
import { userSchema } from './account';
import { structureSchema } from './structure';
import { isoDateTimeSchema } from './fields';
import { syncStateSchema } from './sync';

/** The signed-in user as cached on this desktop, with where it stands with the platform. */
export const localUserSchema = userSchema.extend({ syncState: syncStateSchema });
export type LocalUser = z.infer<typeof localUserSchema>;

/** The structure as cached on this desktop. */
export const localStructureSchema = structureSchema.extend({ syncState: syncStateSchema });
export type LocalStructure = z.infer<typeof localStructureSchema>;

export const sessionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signedOut') }),
  z.object({
    status: z.literal('signedIn'),
    user: localUserSchema,
    /** Null until the first login attaches the account to a structure. */
    structure: localStructureSchema.nullable(),
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
