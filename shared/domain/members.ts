import { z } from '../zod';
import { memberSchema } from './account';
import { uuidSchema } from './fields';

/** The body of `POST /structure/transfer`: the gestionnaire who becomes référent. */
export const transferSchema = z.object({
  userId: uuidSchema.describe('Le gestionnaire qui devient référent'),
});

/** The members a role change touched, as they are now (the caller applies them to its cache). */
export const membersChangeSchema = z.object({
  members: z.array(memberSchema),
  /** The members who left the structure (removed, or a request refused). */
  removed: z.array(uuidSchema),
});
export type MembersChange = z.infer<typeof membersChangeSchema>;

/** The user a référent acts on (`/structure/members/{userId}`). */
export const memberParamsSchema = z.object({
  userId: uuidSchema.describe('Identifiant de l’utilisateur'),
});

/**
 * The manual's sentence for a non-référent who opens "Utilisateurs de ma structure" (the manual
 * says "gestionnaire" for the structure's référent there).
 */
export const REFERENT_ONLY = 'Seul le gestionnaire peut accéder aux rôles utilisateurs de ma structure';
