import type {
  IpcMain,
  IpcMainInvokeEvent,
  PrintToPDFOptions,
  SaveDialogOptions,
  WebContents,
} from 'electron';
import path from 'node:path';
import { savePdfRequestSchema, type SavePdfResult } from '../../shared/ipc/desktop';
import type { Envelope } from '../../shared/ipc/envelope';
import { SAVE_PDF_CHANNEL } from '../../shared/ipc/bridge';
import { validationError } from '../../shared/ipc/errors';
import { REFUSED, senderOf } from './ipc';
import { isTrustedSender } from './security/ipc-sender';

/**
 * « Enregistrer en PDF »: the page as the print style sheet lays it out (no menus, no buttons,
 * black on white: hence no backgrounds), on A4 like the printed copy.
 */
export const PDF_OPTIONS: PrintToPDFOptions = {
  printBackground: false,
  pageSize: 'A4',
  landscape: false,
};

// Windows refuses these characters (and control characters) and names; the others accept what
// Windows accepts.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const FORBIDDEN = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file name every system accepts, ending in « .pdf » (« Candidature n° 123.pdf »). */
export function pdfFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.pdf$/i, '')
    // Windows drops trailing dots and spaces.
    .replace(/[. ]+$/, '');
  const base = cleaned === '' ? 'Document' : RESERVED.test(cleaned) ? `${cleaned} (1)` : cleaned;
  return `${base}.pdf`;
}

/** The chosen path, with « .pdf » added when the dialog (Linux) left it out. */
export function withPdfExtension(filePath: string): string {
  return path.extname(filePath).toLowerCase() === '.pdf' ? filePath : `${filePath}.pdf`;
}

export function saveDialogOptions(fileName: string, documentsDir: string): SaveDialogOptions {
  return {
    title: 'Enregistrer en PDF',
    buttonLabel: 'Enregistrer',
    defaultPath: path.join(documentsDir, pdfFileName(fileName)),
    filters: [{ name: 'Document PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

export interface PdfDeps {
  printToPDF(options: PrintToPDFOptions): Promise<Buffer>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  /** Whole or not at all (atomically: temporary file, fsync, rename). */
  writeFile(filePath: string, data: Buffer): Promise<void>;
  documentsDir: string;
  log(message: string, error: unknown): void;
}

const failure = (message: string): Envelope<never> => ({ ok: false, error: { code: 'internal', message } });

/** Prints the page to PDF, asks where to save it, then writes it; every failure said in French. */
export async function savePdf(input: unknown, deps: PdfDeps): Promise<Envelope<SavePdfResult>> {
  const request = savePdfRequestSchema.safeParse(input);
  if (!request.success) return { ok: false, error: validationError(request.error.issues).toData() };
  // The page as it is when the button is pressed, before the dialog covers it.
  let data: Buffer;
  try {
    data = await deps.printToPDF(PDF_OPTIONS);
  } catch (error) {
    deps.log('printToPDF a échoué', error);
    return failure('Le PDF n’a pas pu être créé. Essayez « Imprimer » puis « Enregistrer au format PDF ».');
  }
  const choice = await deps.showSaveDialog(saveDialogOptions(request.data.fileName, deps.documentsDir));
  if (choice.canceled || !choice.filePath) return { ok: true, data: { status: 'cancelled' } };
  const target = withPdfExtension(choice.filePath);
  try {
    await deps.writeFile(target, data);
  } catch (error) {
    deps.log(`Écriture du PDF impossible : ${target}`, error);
    const reason = (error as NodeJS.ErrnoException).code;
    return failure(
      `Le PDF n’a pas pu être enregistré dans « ${target} »${reason === 'EACCES' || reason === 'EPERM' ? ' : accès refusé à ce dossier' : reason === 'ENOSPC' ? ' : le disque est plein' : ''}. Choisissez un autre dossier.`,
    );
  }
  return { ok: true, data: { status: 'saved', path: target } };
}

/** The channel the preload's `savePdf` calls: the page that asks is the page printed. */
export function registerPdfChannel(
  ipcMain: Pick<IpcMain, 'handle'>,
  depsFor: (sender: WebContents) => PdfDeps,
): void {
  ipcMain.handle(SAVE_PDF_CHANNEL, async (event: IpcMainInvokeEvent, input: unknown) => {
    if (!isTrustedSender(senderOf(event))) return REFUSED;
    return savePdf(input, depsFor(event.sender));
  });
}
