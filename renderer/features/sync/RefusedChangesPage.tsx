import { Alert, Anchor, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { Link } from 'react-router';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePageTitle } from '../../ui/usePageTitle';
import { entityPage, formatFieldValue } from './format';
import { useSyncIssues } from './queries';
import { useIssueAction } from './useIssueAction';

/** Changes the platform refused: kept until the user edits and resends them, or discards them. */
export function RefusedChangesPage() {
  usePageTitle('Modifications refusées');
  const issues = useSyncIssues();
  const resend = useIssueAction('sync.resend');
  const discard = useIssueAction('sync.discard');
  const refused = issues.data?.filter((issue) => issue.state === 'parked') ?? [];

  const confirmDiscard = (id: string, label: string) =>
    modals.openConfirmModal({
      title: 'Abandonner cette modification ?',
      children: (
        <Text size="sm">
          La modification de « {label} » sera effacée de ce poste ; la version de la plateforme reviendra.
        </Text>
      ),
      labels: { confirm: 'Abandonner', cancel: 'Garder' },
      confirmProps: { color: 'red.9' },
      closeButtonProps: { 'aria-label': 'Fermer' },
      onConfirm: () => discard.mutate({ id }),
    });

  return (
    <Stack>
      <Title order={1}>Modifications refusées</Title>
      <Text size="sm">
        La plateforme a refusé ces modifications. Elles restent sur ce poste : corrigez-les puis enregistrez
        (elles repartent), renvoyez-les telles quelles si la cause a disparu, ou abandonnez-les.
      </Text>
      {issues.isPending && <Loader aria-label="Chargement des modifications refusées" />}
      {issues.error && <ErrorAlert message={messageOf(issues.error)} onRetry={() => void issues.refetch()} />}
      {issues.data && refused.length === 0 && <Text>Aucune modification refusée.</Text>}
      {refused.map((issue) => (
        <Card key={issue.id} withBorder padding="lg" component="section" aria-label={issue.entityLabel}>
          <Title order={2} size="h3" mb="sm">
            {issue.entityLabel}
          </Title>
          {issue.message && (
            <Alert color="red" variant="outline" mb="sm">
              {issue.message}
            </Alert>
          )}
          <List size="sm" mb="md">
            {issue.fields.map((field) => (
              <List.Item key={field.field}>
                {field.label} : {formatFieldValue(field.field, field.mine)}
                {field.error ? ` — ${field.error}` : ''}
              </List.Item>
            ))}
          </List>
          <Group>
            {entityPage(issue.entity, issue.entityId) && (
              <Anchor component={Link} to={entityPage(issue.entity, issue.entityId)!}>
                Modifier
              </Anchor>
            )}
            <Button
              variant="outline"
              loading={resend.isPending}
              onClick={() => resend.mutate({ id: issue.id })}
            >
              Renvoyer
            </Button>
            <Button
              variant="outline"
              color="red.9"
              onClick={() => confirmDiscard(issue.id, issue.entityLabel)}
            >
              Abandonner cette modification
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
