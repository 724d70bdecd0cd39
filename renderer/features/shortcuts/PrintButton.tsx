import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { SavePdfRequest } from '../../../shared/ipc/desktop';
import { AppError } from '../../../shared/ipc/errors';
import { bridge } from '../../api/bridge';
import { messageOf } from '../../api/client';
import { notifyError, notifySuccess } from '../../ui/notify';

/** Electron's preload offers it; the web host's transport does not (the browser prints to PDF itself). */
function usePdfSaver() {
  const savePdf = bridge().savePdf?.bind(bridge());
  const mutation = useMutation({
    mutationFn: async (request: SavePdfRequest) => {
      const answer = await savePdf!(request);
      if (!answer.ok) throw AppError.from(answer.error);
      return answer.data;
    },
    onSuccess: (result) => {
      if (result.status === 'saved') notifySuccess(`PDF enregistré : ${result.path}`);
    },
    onError: (error) => notifyError(messageOf(error)),
  });
  return savePdf ? mutation : null;
}

/**
 * "Imprimer": the page as the print style sheet lays it out (no menus, no buttons, black on
 * white); in the desktop app, also « Enregistrer en PDF », laid out the same, named `pdfName`.
 */
export function PrintButton({ pdfName }: { pdfName: string }) {
  const pdf = usePdfSaver();
  return (
    <>
      <Button variant="default" onClick={() => window.print()} className="no-print">
        Imprimer
      </Button>
      {pdf && (
        <Button
          variant="default"
          className="no-print"
          loading={pdf.isPending}
          onClick={() => pdf.mutate({ fileName: pdfName })}
        >
          Enregistrer en PDF
        </Button>
      )}
    </>
  );
}
