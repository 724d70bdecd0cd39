import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAVE_PDF_CHANNEL } from '../../shared/ipc/bridge';
import {
  PDF_OPTIONS,
  pdfFileName,
  registerPdfChannel,
  saveDialogOptions,
  savePdf,
  type PdfDeps,
} from './pdf';

const PDF = Buffer.from('%PDF-1.7 …');
const documents = path.join('/home', 'lea', 'Documents');

function fakeDeps(choice: { canceled: boolean; filePath?: string }, overrides: Partial<PdfDeps> = {}) {
  const calls = {
    printed: [] as unknown[],
    dialogs: [] as unknown[],
    written: [] as Array<[string, Buffer]>,
  };
  const deps: PdfDeps = {
    printToPDF: async (options) => {
      calls.printed.push(options);
      return PDF;
    },
    showSaveDialog: async (options) => {
      calls.dialogs.push(options);
      return choice;
    },
    writeFile: async (filePath, data) => void calls.written.push([filePath, data]),
    documentsDir: documents,
    log: () => undefined,
    ...overrides,
  };
  return { deps, calls };
}

describe('pdfFileName', () => {
  it('keeps a French title, adding « .pdf »', () => {
    expect(pdfFileName('Candidature n° 123')).toBe('Candidature n° 123.pdf');
    expect(pdfFileName('  Léa  Etcheverry ')).toBe('Léa Etcheverry.pdf');
    expect(pdfFileName('Profil.PDF')).toBe('Profil.pdf');
  });

  it('removes what a file system refuses', () => {
    expect(pdfFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a b c d e f g h i j.pdf');
    expect(pdfFileName('Fin...  ')).toBe('Fin.pdf');
    expect(pdfFileName('CON')).toBe('CON (1).pdf');
    expect(pdfFileName('///')).toBe('Document.pdf');
  });
});

describe('savePdf', () => {
  it('prints on A4 without backgrounds, offers a French dialog in Documents, writes the file', async () => {
    const { deps, calls } = fakeDeps({
      canceled: false,
      filePath: path.join(documents, 'Candidature n° 123.pdf'),
    });
    await expect(savePdf({ fileName: 'Candidature n° 123' }, deps)).resolves.toEqual({
      ok: true,
      data: { status: 'saved', path: path.join(documents, 'Candidature n° 123.pdf') },
    });
    expect(calls.printed).toEqual([{ printBackground: false, pageSize: 'A4', landscape: false }]);
    expect(PDF_OPTIONS.printBackground).toBe(false);
    expect(calls.dialogs).toEqual([saveDialogOptions('Candidature n° 123', documents)]);
    expect(calls.dialogs[0]).toMatchObject({
      title: 'Enregistrer en PDF',
      defaultPath: path.join(documents, 'Candidature n° 123.pdf'),
      filters: [{ name: 'Document PDF', extensions: ['pdf'] }],
    });
    expect(calls.written).toEqual([[path.join(documents, 'Candidature n° 123.pdf'), PDF]]);
  });

  it('adds « .pdf » when the dialog left it out', async () => {
    const { deps, calls } = fakeDeps({ canceled: false, filePath: '/tmp/réunion' });
    await savePdf({ fileName: 'x' }, deps);
    expect(calls.written[0]![0]).toBe('/tmp/réunion.pdf');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { deps, calls } = fakeDeps({ canceled: true });
    await expect(savePdf({ fileName: 'x' }, deps)).resolves.toEqual({
      ok: true,
      data: { status: 'cancelled' },
    });
    expect(calls.written).toEqual([]);
  });

  it('refuses a bad request naming the field, without printing', async () => {
    const { deps, calls } = fakeDeps({ canceled: true });
    const answer = await savePdf({ fileName: '   ' }, deps);
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: expect.stringContaining('« Nom du fichier »'),
        fields: { fileName: expect.any(String) },
      },
    });
    expect(calls.printed).toEqual([]);
    expect(await savePdf({ fileName: 'x', path: '/etc' }, deps)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('says in French why the PDF could not be made or written', async () => {
    const failedPrint = fakeDeps(
      { canceled: false, filePath: '/tmp/a.pdf' },
      {
        printToPDF: () => Promise.reject(new Error('render process gone')),
      },
    );
    expect(await savePdf({ fileName: 'a' }, failedPrint.deps)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Le PDF n’a pas pu être créé/) },
    });
    expect(failedPrint.calls.dialogs).toEqual([]);

    const denied = fakeDeps(
      { canceled: false, filePath: '/root/a.pdf' },
      {
        writeFile: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })),
      },
    );
    expect(await savePdf({ fileName: 'a' }, denied.deps)).toMatchObject({
      ok: false,
      error: {
        message:
          'Le PDF n’a pas pu être enregistré dans « /root/a.pdf » : accès refusé à ce dossier. Choisissez un autre dossier.',
      },
    });
  });
});

describe('registerPdfChannel', () => {
  it('answers our window only, with the deps of the page that asked', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    const senders: unknown[] = [];
    registerPdfChannel(
      { handle: (channel: string, listener: never) => void handlers.set(channel, listener) } as never,
      (sender) => {
        senders.push(sender);
        return fakeDeps({ canceled: true }).deps;
      },
    );
    const handler = handlers.get(SAVE_PDF_CHANNEL)!;
    const page = { id: 1 };
    await expect(
      handler(
        { senderFrame: { url: 'app://bundle/candidatures/1', parent: null }, sender: page },
        { fileName: 'a' },
      ),
    ).resolves.toEqual({ ok: true, data: { status: 'cancelled' } });
    await expect(
      handler({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: {} }, { fileName: 'a' }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(senders).toEqual([page]);
  });
});
