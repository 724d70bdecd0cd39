import { z } from '../zod';
import { isoDateTimeSchema, uuidSchema } from './fields';
import { matchReasonSchema } from './match';
import { profileSchema } from './profiles';
import { syncStateSchema } from './sync';

// "Alertes" (DESIGN.md §7): profiles that suit one of the structure's offers "En cours",
// computed by the platform with `matchProfile` and kept up to date as offers and profiles change.

/** The best profiles of each offer the platform keeps as alerts. */
export const ALERTS_PER_OFFER = 20;

/**
 * One alert (synced entity `alert`, `GET /alerts`): a profile for an offer, its score and the
 * reasons of it. Dismissed ("Ignorer cette alerte"), it stays dismissed for the whole structure,
 * even when the platform computes the alerts again.
 */
export const alertSchema = z.object({
  id: uuidSchema,
  offerId: uuidSchema,
  offerNumber: z.number().int().positive(),
  offerTitle: z.string(),
  profile: profileSchema,
  score: z.number().int().min(0).max(100),
  reasons: z.array(matchReasonSchema),
  dismissed: z.boolean(),
  dismissedBy: z.string().nullable(),
  createdAt: isoDateTimeSchema,
  version: z.number().int().positive(),
  updatedAt: isoDateTimeSchema,
});
export type Alert = z.infer<typeof alertSchema>;

/** `PATCH /alerts/{id}`: "Ignorer cette alerte" (there is no way back: the alert leaves the list). */
export const alertPatchSchema = z
  .object({ dismissed: z.literal(true, { error: 'Une alerte ne peut qu’être ignorée (dismissed: true).' }) })
  .strict();

/** `GET /alerts`: the structure's alerts not dismissed, best first. */
export const alertsQuerySchema = z.object({ offerId: uuidSchema.optional() }).strict();
export const alertsListSchema = z.object({ alerts: z.array(alertSchema) });

/** An alert as cached on this desktop (dismissed ones are not listed). */
export const localAlertSchema = alertSchema.extend({ syncState: syncStateSchema });
export type LocalAlert = z.infer<typeof localAlertSchema>;
