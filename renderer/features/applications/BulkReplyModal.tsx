import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useState } from 'react';
import { applicationStatusTabLabels, type ApplicationStatus } from '../../../shared/domain/applications';
import { replyPlaceholders } from '../../../shared/domain/reply-templates';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { plural } from '../../ui/plural';
import { useReplyMany, useReplyTemplates } from './queries';
import { emptyReply, ReplyFields, replyFormSchema, toReply, type ReplyValues } from './ReplyFields';

const placeholders = Object.entries(replyPlaceholders)
  .map(([placeholder, meaning]) => `${placeholder} par ${meaning}`)
  .join(', ');

interface Props {
  ids: readonly string[];
  /** The tab they were selected in: one answer goes to applications of one status. */
  status: ApplicationStatus;
  onClose: () => void;
  onSent: () => void;
}

function BulkReplyForm({ ids, status, onClose, onSent }: Props) {
  const { templates } = useReplyTemplates();
  const replyMany = useReplyMany();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<ReplyValues>({
    initialValues: emptyReply,
    validate: zod4Resolver(replyFormSchema),
    validateInputOnBlur: true,
  });
  const count = plural(ids.length, 'candidature', 'candidatures');
  const send = (values: ReplyValues) =>
    replyMany.mutate(
      { ids: [...ids], ...toReply(values) },
      { onSuccess: onSent, onError: () => setConfirming(false) },
    );

  return (
    <form noValidate onSubmit={form.onSubmit((values) => (confirming ? send(values) : setConfirming(true)))}>
      <Stack>
        <Text size="sm">
          {count} « {applicationStatusTabLabels[status]} » sélectionnée{ids.length > 1 ? 's' : ''}.
        </Text>
        {replyMany.error && <ErrorAlert message={messageOf(replyMany.error)} />}
        <ReplyFields form={form} templates={templates} fill={(body) => body} />
        <Text size="sm">
          Le message est personnalisé pour chaque candidature : {placeholders} sont remplacés.
        </Text>
        {confirming ? (
          <Stack gap="xs" role="group" aria-label="Confirmation">
            <Text size="sm" fw={600} role="status">
              Envoyer cette réponse à {count} ? Leur statut changera aussitôt sur ce poste.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Revenir au message
              </Button>
              <Button type="submit" loading={replyMany.isPending}>
                {`Confirmer l’envoi à ${count}`}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit">Envoyer la réponse</Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** "Répondre aux candidatures sélectionnées": one decision and message, confirmed with the count. */
export function BulkReplyModal({ opened, ...props }: Props & { opened: boolean }) {
  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      title="Répondre aux candidatures sélectionnées"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      {opened && <BulkReplyForm {...props} />}
    </Modal>
  );
}
