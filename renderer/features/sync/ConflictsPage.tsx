import { Button, Card, Fieldset, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePageTitle } from '../../ui/usePageTitle';
import { formatFieldValue } from './format';
import { useSyncIssues } from './queries';
import { useIssueAction } from './useIssueAction';
import { formatDateTime } from '../../ui/dates';

/** "Conflits de synchronisation": a field changed here and on the platform; the user chooses, field by field. */
export function ConflictsPage() {
  usePageTitle('Conflits de synchronisation');
  const issues = useSyncIssues();
  const resolve = useIssueAction('sync.resolve');
  const conflicts = issues.data?.filter((issue) => issue.state === 'conflict') ?? [];

  return (
    <Stack>
      <Title order={1}>Conflits de synchronisation</Title>
      <Text size="sm">
        Ces informations ont été modifiées sur ce poste et, entre-temps, sur la plateforme. Pour chaque champ,
        choisissez la version à garder ; rien n’est envoyé ni effacé sans votre choix.
      </Text>
      {issues.isPending && <Loader aria-label="Chargement des conflits" />}
      {issues.error && <ErrorAlert message={messageOf(issues.error)} onRetry={() => void issues.refetch()} />}
      {issues.data && conflicts.length === 0 && (
        <Text>Aucun conflit : tout est synchronisé ou en attente d’envoi.</Text>
      )}
      {conflicts.map((issue) => (
        <Card key={issue.id} withBorder padding="lg" component="section" aria-label={issue.entityLabel}>
          <Title order={2} size="h3">
            {issue.entityLabel}
          </Title>
          <Text size="sm" mb="md">
            Modifié sur ce poste le {formatDateTime(issue.createdAt)}
          </Text>
          <Stack>
            {issue.fields
              .filter((field) => field.conflict)
              .map((field) => (
                <Fieldset key={field.field} legend={field.label}>
                  <Group grow align="flex-start" mb="sm">
                    <div>
                      <Text size="sm" fw={600}>
                        Ma version
                      </Text>
                      <Text>{formatFieldValue(field.field, field.mine)}</Text>
                    </div>
                    <div>
                      <Text size="sm" fw={600}>
                        Version de la plateforme
                      </Text>
                      <Text>{formatFieldValue(field.field, field.theirs)}</Text>
                    </div>
                    <div>
                      <Text size="sm" fw={600}>
                        Valeur de départ
                      </Text>
                      <Text>{formatFieldValue(field.field, field.base)}</Text>
                    </div>
                  </Group>
                  <Group>
                    <Button
                      variant="outline"
                      loading={resolve.isPending}
                      onClick={() => resolve.mutate({ id: issue.id, field: field.field, choice: 'mine' })}
                    >
                      Garder ma version
                    </Button>
                    <Button
                      variant="outline"
                      loading={resolve.isPending}
                      onClick={() => resolve.mutate({ id: issue.id, field: field.field, choice: 'theirs' })}
                    >
                      Garder la version de la plateforme
                    </Button>
                  </Group>
                </Fieldset>
              ))}
            {issue.fields.some((field) => !field.conflict) && (
              <Text size="sm">
                Envoyé aussi, sans conflit :{' '}
                {issue.fields
                  .filter((field) => !field.conflict)
                  .map((field) => `${field.label} : ${formatFieldValue(field.field, field.mine)}`)
                  .join(' ; ')}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
