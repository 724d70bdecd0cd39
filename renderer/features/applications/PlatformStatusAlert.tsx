import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { Link } from 'react-router';
import { applicationStatusLabels } from '../../../shared/domain/applications';
import type { ApplicationDetails } from '../../../shared/domain/session';
import { useSyncIssues } from '../sync/queries';
import { useIssueAction } from '../sync/useIssueAction';
import { useRefreshApplications } from './queries';

function platformSays(application: ApplicationDetails): string | null {
  return application.platformStatus
    ? `Statut sur la plateforme : « ${applicationStatusLabels[application.platformStatus]} ».`
    : null;
}

/**
 * Where this desktop and the platform disagree about an application: a reply still waiting to
 * be sent, or refused (the candidate abandoned meanwhile...). The reply stays here, in view,
 * until the user discards it: it is never dropped silently.
 */
export function PlatformStatusAlert({ application }: { application: ApplicationDetails }) {
  const issues = useSyncIssues();
  const discard = useIssueAction('sync.discard');
  const refresh = useRefreshApplications();
  const issue = issues.data?.find(
    (candidate) => candidate.entity === 'application' && candidate.entityId === application.id,
  );
  const differs = application.platformStatus !== null && application.platformStatus !== application.status;
  if (!application.refusal && !differs && !issue) return null;

  const confirmDiscard = (id: string, label: string) =>
    modals.openConfirmModal({
      title: `${label} ?`,
      children: (
        <Text size="sm">
          Elle sera effacée de ce poste ; la candidature reprendra son statut sur la plateforme.
        </Text>
      ),
      labels: { confirm: label, cancel: 'Garder' },
      confirmProps: { color: 'red.9' },
      closeButtonProps: { 'aria-label': 'Fermer' },
      onConfirm: () => discard.mutate({ id }, { onSuccess: () => void refresh() }),
    });

  // A refused reading mark is no reply: the alert names what it is about.
  const reply =
    !issue || issue.fields.some((field) => field.field === 'status' || field.field === 'replyMessage');
  const what = reply ? 'Votre réponse' : 'Votre modification';
  const discardLabel = reply ? 'Abandonner ma réponse' : 'Abandonner cette modification';
  const stuck = Boolean(application.refusal) || application.syncState === 'parked';
  const conflict = application.syncState === 'conflict';
  if (!stuck && !conflict) {
    // Simply not sent yet: nothing to decide.
    return (
      <Alert color="blue" variant="outline" role="status" title="Réponse en attente d’envoi">
        <Text size="sm">
          Votre réponse est enregistrée sur ce poste ; elle sera envoyée à la prochaine synchronisation.{' '}
          {platformSays(application)}
        </Text>
        {application.platformStatus === 'abandonnee' && (
          <Text size="sm" mt="xs" fw={600}>
            Le candidat a abandonné cette candidature entre-temps : la plateforme refusera probablement votre
            réponse.
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="outline"
      role="alert"
      title={conflict ? `${what} est en conflit avec la plateforme` : `${what} n’a pas été envoyée`}
    >
      <Stack gap="xs">
        {application.refusal && (
          <Text size="sm" fw={600}>
            {application.refusal}
          </Text>
        )}
        <Text size="sm">
          {platformSays(application)} {what} reste enregistrée sur ce poste tant que vous ne l’abandonnez pas.
        </Text>
        <Group>
          {issue && (
            <Button
              size="xs"
              variant="outline"
              color="red.9"
              loading={discard.isPending}
              onClick={() => confirmDiscard(issue.id, discardLabel)}
            >
              {discardLabel}
            </Button>
          )}
          <Anchor
            component={Link}
            to={conflict ? '/synchronisation/conflits' : '/synchronisation/refus'}
            size="sm"
          >
            {conflict ? 'Voir les conflits de synchronisation' : 'Voir les modifications refusées'}
          </Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
