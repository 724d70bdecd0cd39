import { z } from '../zod';
import { isoDateTimeSchema } from './fields';

/** Where a locally cached row stands with the platform. */
export const syncStateSchema = z.enum(['synced', 'pending', 'parked', 'conflict']);
export type SyncState = z.infer<typeof syncStateSchema>;

export const syncStateLabels: Record<SyncState, string> = {
  synced: 'Synchronisé',
  pending: 'En attente de synchronisation',
  parked: 'Modification refusée par la plateforme',
  conflict: 'Conflit de synchronisation',
};

/** What the shell shows: connection aside, how synchronisation is going. */
export const syncStatusSchema = z.object({
  /** Increases with each status computed: events and answers can cross, the newest wins. */
  revision: z.number().int().nonnegative(),
  running: z.boolean(),
  /** `bootstrap`: the first synchronisation of this desktop, from the platform's snapshot. */
  phase: z.enum(['idle', 'push', 'pull', 'bootstrap']),
  /** Changes sent in the current push, or rows received in the current pull or bootstrap, out of how many (when known). */
  progress: z
    .object({
      done: z.number().int(),
      total: z.number().int().nullable(),
      /** Estimated time left, in seconds (bootstrap), when it can be told. */
      etaSeconds: z.number().nonnegative().nullable().optional(),
    })
    .nullable(),
  /**
   * This desktop has not finished its first synchronisation of the structure yet (a bootstrap
   * runs or was cut off): screens that need the structure's data say « Première synchronisation
   * en cours » instead of showing an empty list.
   */
  firstSync: z.boolean().default(false),
  /** Changes waiting to be sent. */
  pending: z.number().int(),
  /** Changes the platform refused: the user edits or discards them. */
  parked: z.number().int(),
  /** Changes waiting for the user's choice, field by field. */
  conflicts: z.number().int(),
  lastSyncAt: isoDateTimeSchema.nullable(),
  /** Why the last run stopped early (offline, platform error...), in French. */
  lastError: z.string().nullable(),
  nextAttemptAt: isoDateTimeSchema.nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const conflictChoiceSchema = z.enum(['mine', 'theirs'], {
  error: 'Choix invalide : « mine » ou « theirs ».',
});

/** A local change the user must look at: refused by the platform, or in conflict. */
export const syncIssueSchema = z.object({
  id: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** "Ma structure", "Mes informations personnelles"... */
  entityLabel: z.string(),
  state: z.enum(['parked', 'conflict']),
  createdAt: isoDateTimeSchema,
  /** The platform's French message (refusals). */
  message: z.string().nullable(),
  fields: z.array(
    z.object({
      field: z.string(),
      label: z.string(),
      mine: z.unknown(),
      /** Conflicts only: the platform's value, and the value both started from. */
      theirs: z.unknown().optional(),
      base: z.unknown().optional(),
      conflict: z.boolean(),
      /** Refusals only: the platform's message about this field. */
      error: z.string().optional(),
    }),
  ),
});
export type SyncIssue = z.infer<typeof syncIssueSchema>;
