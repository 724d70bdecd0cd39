import {
  Anchor,
  Button,
  Card,
  Fieldset,
  Group,
  List,
  Loader,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { replyDecisionLabels, replyDecisions } from '../../../shared/domain/applications';
import {
  defaultReplyTemplates,
  REPLY_TEMPLATES_MAX,
  replyPlaceholders,
  type ReplyTemplate,
} from '../../../shared/domain/reply-templates';
import type { LocalStructure } from '../../../shared/domain/session';
import { structurePatchSchema } from '../../../shared/domain/structure';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldProps } from '../../ui/forms';
import { usePageTitle } from '../../ui/usePageTitle';
import { DASHBOARD_PATH } from '../dashboard/paths';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { useLocalEditForm } from '../sync/useLocalEditForm';

const decisionOptions = replyDecisions.map((value) => ({ value, label: replyDecisionLabels[value] }));

type TemplatesValues = { replyTemplates: ReplyTemplate[] };

function templatesOf(structure: LocalStructure): TemplatesValues {
  return { replyTemplates: structure.replyTemplates ?? defaultReplyTemplates };
}

function TemplatesForm({ structure }: { structure: LocalStructure }) {
  const queryClient = useQueryClient();
  const { form, failure, mutation, submit } = useLocalEditForm({
    row: structure,
    toValues: templatesOf,
    schema: structurePatchSchema,
    // An emptied list gives the defaults back (null), as for a structure that never edited them.
    save: ({ replyTemplates }: TemplatesValues) =>
      call('structure.update', { replyTemplates: replyTemplates.length === 0 ? null : replyTemplates }),
    onSaved: (saved) => void queryClient.setQueryData(queryKeys.structure, saved),
  });
  const templates = form.values.replyTemplates;
  const listError = form.errors.replyTemplates;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {failure && <ErrorAlert message={failure} />}
        {listError && <ErrorAlert message={String(listError)} />}
        {templates.length === 0 && (
          <Text size="sm">
            Aucun modèle : en enregistrant, votre structure retrouvera les modèles proposés par défaut.
          </Text>
        )}
        {templates.map((template, index) => {
          const name = template.name.trim() || 'Nouveau modèle';
          return (
            <Fieldset key={template.id} legend={`Modèle « ${name} »`}>
              <Stack>
                <Select
                  label="Type de réponse"
                  data={decisionOptions}
                  required
                  allowDeselect={false}
                  {...fieldProps(form, `replyTemplates.${index}.decision`)}
                  w={440}
                />
                <TextInput
                  label="Nom du modèle"
                  required
                  maxLength={80}
                  {...fieldProps(form, `replyTemplates.${index}.name`)}
                />
                <Textarea
                  label="Texte du modèle"
                  required
                  autosize
                  minRows={6}
                  maxLength={4000}
                  {...fieldProps(form, `replyTemplates.${index}.body`)}
                />
                <Group justify="flex-end">
                  <Button
                    variant="outline"
                    color="red.9"
                    size="xs"
                    aria-label={`Supprimer le modèle « ${name} »`}
                    onClick={() => form.removeListItem('replyTemplates', index)}
                  >
                    Supprimer ce modèle
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          );
        })}
        <Group justify="space-between">
          <Group>
            <Button
              variant="outline"
              disabled={templates.length >= REPLY_TEMPLATES_MAX}
              onClick={() =>
                form.insertListItem('replyTemplates', {
                  id: `modele-${crypto.randomUUID()}`,
                  decision: 'recevable',
                  name: '',
                  body: '',
                } satisfies ReplyTemplate)
              }
            >
              Ajouter un modèle
            </Button>
            <Button
              variant="subtle"
              onClick={() => form.setFieldValue('replyTemplates', defaultReplyTemplates)}
            >
              Rétablir les modèles par défaut
            </Button>
          </Group>
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
            Enregistrer
          </Button>
        </Group>
        {templates.length >= REPLY_TEMPLATES_MAX && (
          <Text size="sm">Votre structure a atteint le maximum de {REPLY_TEMPLATES_MAX} modèles.</Text>
        )}
      </Stack>
    </form>
  );
}

/** "Modèles de réponse": the structure's texts for replying to applications, shared by its members. */
export function ReplyTemplatesPage() {
  usePageTitle('Modèles de réponse');
  const structure = useQuery({ queryKey: queryKeys.structure, queryFn: () => call('structure.get') });

  return (
    <Stack>
      <Anchor component={Link} to={DASHBOARD_PATH} size="sm">
        Retour au tableau de bord
      </Anchor>
      <Group justify="space-between" align="center">
        <Title order={1}>Modèles de réponse</Title>
        {structure.data && <SyncStateBadge state={structure.data.syncState} />}
      </Group>
      <Text size="sm">
        Ces modèles remplissent le message de « Répondre à cette candidature ». Ils sont partagés par les
        utilisateurs de votre structure. Pensez à y indiquer un mail ou un téléphone : le candidat ne dispose
        pas des coordonnées de votre structure.
      </Text>
      <Card withBorder padding="md" component="section" aria-labelledby="placeholders-title">
        <Title order={2} size="h5" id="placeholders-title" mb="xs">
          Champs remplacés pour chaque candidature
        </Title>
        <List size="sm">
          {Object.entries(replyPlaceholders).map(([placeholder, meaning]) => (
            <List.Item key={placeholder}>
              <Text component="code" size="sm" fw={600}>
                {placeholder}
              </Text>{' '}
              : {meaning}
            </List.Item>
          ))}
        </List>
      </Card>
      {structure.isPending && <Loader aria-label="Chargement des modèles de réponse" />}
      {structure.error && (
        <ErrorAlert message={messageOf(structure.error)} onRetry={() => void structure.refetch()} />
      )}
      {structure.data === null && <Text>Votre compte n’est rattaché à aucune structure.</Text>}
      {structure.data && <TemplatesForm structure={structure.data} />}
    </Stack>
  );
}
