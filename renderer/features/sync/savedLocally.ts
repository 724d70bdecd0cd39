import type { QueryClient } from '@tanstack/react-query';
import type { Connectivity } from '../../../shared/domain/session';
import { queryKeys } from '../../api/query-keys';
import { notifySuccess } from '../../ui/notify';

/** Says where a local edit stands: saved here at once, sent now or when the network is back. */
export function notifySavedLocally(queryClient: QueryClient): void {
  const connectivity = queryClient.getQueryData<Connectivity>(queryKeys.connectivity);
  notifySuccess(
    connectivity?.state === 'offline'
      ? 'Modifications enregistrées sur ce poste. Elles seront envoyées à la plateforme dès le retour de la connexion.'
      : 'Modifications enregistrées.',
  );
}
