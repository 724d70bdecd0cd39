import { z } from '../zod';
import { updateChannelSchema } from './config';
import { isoDateTimeSchema } from './fields';

/** What the window shows when an update waits: « Une mise à jour est prête ». */
export const restartPromptSchema = z.object({
  title: z.string(),
  message: z.string(),
  /** Changes not yet sent stay in the outbox on disk and leave after the restart. */
  keepsUnsentChanges: z.boolean(),
});
export type RestartPrompt = z.infer<typeof restartPromptSchema>;

export const updatePhaseSchema = z.enum([
  /** The web host (a browser): the desktop app manages its own updates. */
  'unavailable',
  'idle',
  'checking',
  'available',
  'downloading',
  'downloaded',
  'error',
]);
export type UpdatePhase = z.infer<typeof updatePhaseSchema>;

export const updateStatusSchema = z.object({
  phase: updatePhaseSchema,
  /** The version found or downloaded. */
  version: z.string().nullable(),
  /** Download progress, 0 to 100. */
  percent: z.number().min(0).max(100).nullable(),
  channel: updateChannelSchema,
  lastCheckAt: isoDateTimeSchema.nullable(),
  /** Shown until the user restarts or chooses « Plus tard » (null during a sync run). */
  prompt: restartPromptSchema.nullable(),
  /** Why the last check or download failed, in French. */
  error: z.string().nullable(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const UPDATES_UNAVAILABLE =
  'Non disponible : les mises à jour sont gérées par l’application de bureau.';
