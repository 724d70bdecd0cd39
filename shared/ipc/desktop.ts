import { z } from '../zod';

/**
 * What only the Electron shell does for the window (not the core, not the web host): today,
 * « Enregistrer en PDF ». The preload exposes it as `window.api.savePdf`; the web transport has
 * no such method, which is how the renderer knows to offer it or not. Its IPC channel,
 * SAVE_PDF_CHANNEL, is in ./bridge (the preload imports no schema).
 */

export const savePdfRequestSchema = z
  .object({
    /** Suggested in the save dialog (« Candidature n° 123 »); « .pdf » is added. */
    fileName: z
      .string({ error: 'Un nom de fichier est attendu.' })
      .trim()
      .min(1, { error: 'Le nom du fichier est vide.' })
      .max(150, { error: 'Le nom du fichier dépasse 150 caractères.' }),
  })
  .strict();
export type SavePdfRequest = z.infer<typeof savePdfRequestSchema>;

export const savePdfResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type SavePdfResult = z.infer<typeof savePdfResultSchema>;
