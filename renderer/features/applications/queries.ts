import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  applicationStatusLabels,
  applicationStatusTabLabels,
  type ApplicationReply,
  type ApplicationStatus,
} from '../../../shared/domain/applications';
import { defaultReplyTemplates, type ReplyTemplate } from '../../../shared/domain/reply-templates';
import type { ApplicationDetails, Connectivity } from '../../../shared/domain/session';
import type { ApplicationsListQuery } from '../../../shared/ipc/contract';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useRefreshEntity } from '../../api/useRefreshEntity';
import { notifySuccess } from '../../ui/notify';
import { plural } from '../../ui/plural';

export function useApplicationsPage(query: ApplicationsListQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.applicationsPage(query),
    queryFn: () => call('applications.list', query),
    enabled,
    // The current page stays in view while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** The counts per status, for the whole structure or one offer / employer. */
export function useApplicationCounts(filter: { offerId?: string; employerId?: string } = {}) {
  return useQuery({
    queryKey: queryKeys.applicationCountsFor(filter),
    queryFn: () => call('applications.counts', filter),
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: queryKeys.application(id), queryFn: () => call('applications.get', { id }) });
}

/** Refreshes what a local write to applications changes. */
export function useRefreshApplications() {
  const refresh = useRefreshEntity();
  return () => refresh('application');
}

/** The structure's reply templates ("Modèles de réponse"), the defaults until it edits them. */
export function useReplyTemplates() {
  const structure = useQuery({ queryKey: queryKeys.structure, queryFn: () => call('structure.get') });
  const templates: ReplyTemplate[] = structure.data?.replyTemplates ?? defaultReplyTemplates;
  const structureName = structure.data ? (structure.data.tradeName ?? structure.data.legalName) : '';
  return { templates, structureName, structure };
}

/** Says where a reply stands: its status is shown at once, it reaches the candidate at the next sync. */
function notifyReplied(
  connectivity: Connectivity | undefined,
  status: ApplicationStatus,
  count: number | null,
): void {
  const what =
    count === null
      ? `Réponse enregistrée : la candidature est maintenant « ${applicationStatusLabels[status]} ».`
      : count > 1
        ? `${plural(count, 'réponse enregistrée', 'réponses enregistrées')} : les candidatures sont maintenant « ${applicationStatusTabLabels[status]} ».`
        : `1 réponse enregistrée : la candidature est maintenant « ${applicationStatusLabels[status]} ».`;
  const later =
    count !== null && count > 1
      ? 'Enregistrées sur ce poste, elles seront envoyées à la prochaine synchronisation.'
      : 'Enregistrée sur ce poste, elle sera envoyée à la prochaine synchronisation.';
  notifySuccess(connectivity?.state === 'offline' ? `${what} ${later}` : what);
}

/** "Envoyer la réponse" on "Détails". */
export function useReply(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshApplications();
  return {
    send: (reply: ApplicationReply) => call('applications.reply', { id, reply }),
    onSent: async (saved: ApplicationDetails) => {
      queryClient.setQueryData(queryKeys.application(saved.id), saved);
      await refresh();
      notifyReplied(queryClient.getQueryData(queryKeys.connectivity), saved.status, null);
    },
  };
}

/** "Répondre aux candidatures sélectionnées". */
export function useReplyMany() {
  const queryClient = useQueryClient();
  const refresh = useRefreshApplications();
  return useMutation({
    mutationFn: (input: { ids: string[]; status: ApplicationReply['status']; replyMessage: string }) =>
      call('applications.replyMany', input),
    onSuccess: async ({ replied }, { status }) => {
      await refresh();
      notifyReplied(queryClient.getQueryData(queryKeys.connectivity), status, replied);
    },
  });
}

/** "Détails" records its first opening here (history "Candidature lue", synced). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const refresh = useRefreshApplications();
  return useMutation({
    mutationFn: (id: string) => call('applications.markRead', { id }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.application(saved.id), saved);
      await refresh();
    },
  });
}
