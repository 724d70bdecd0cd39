import { Button, Group, Stack } from '@mantine/core';
import { fillTemplate } from '../../../shared/domain/reply-templates';
import type { ApplicationDetails } from '../../../shared/domain/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSubmitForm } from '../../ui/useSubmitForm';
import { useReply, useReplyTemplates } from './queries';
import { emptyReply, ReplyFields, replyFormSchema, toReply, type ReplyValues } from './ReplyFields';

/** "Répondre à cette candidature": validated with the shared schema, saved here at once (offline too). */
export function ReplyForm({ application }: { application: ApplicationDetails }) {
  const { templates, structureName } = useReplyTemplates();
  const reply = useReply(application.id);
  const { form, failure, mutation, onSubmit } = useSubmitForm({
    initialValues: emptyReply,
    schema: replyFormSchema,
    submit: (values: ReplyValues) => reply.send(toReply(values)),
    onSuccess: reply.onSent,
  });
  const fill = (body: string) =>
    fillTemplate(body, {
      firstName: application.profile?.firstName ?? null,
      offerTitle: application.offerTitle,
      structureName,
    });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Répondre à cette candidature">
      <Stack>
        {failure && <ErrorAlert message={failure} />}
        <ReplyFields form={form} templates={templates} fill={fill} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Envoyer la réponse
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
