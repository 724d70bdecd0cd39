import { Alert, Anchor, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  applicationReplySchema,
  REFUSAL_DETAIL_MAX,
  refusalReasonLabels,
  refusalReasons,
  REPLY_CONTACT_WARNING,
  replyDecisionLabels,
  replyDecisions,
  type ApplicationReply,
  type RefusalReason,
} from '../../../shared/domain/applications';
import { z } from '../../../shared/zod';
import type { ReplyTemplate } from '../../../shared/domain/reply-templates';
import { fieldProps } from '../../ui/forms';
import { REPLY_TEMPLATES_PATH } from './paths';

/** The answer being written; the decision stays empty until the user chooses (it is required). */
export type ReplyValues = {
  status: '' | (typeof replyDecisions)[number];
  replyMessage: string;
  /** Shown once « Refuser la candidature » is chosen. */
  /** Null until chosen (Mantine's Select holds null, not ''). */
  refusalReason: RefusalReason | null;
  /** Shown for the reason « Autre ». */
  refusalDetail: string;
};

export const emptyReply: ReplyValues = {
  status: '',
  replyMessage: '',
  refusalReason: null,
  refusalDetail: '',
};

/**
 * The reply the form's values make: a reason only with a refusal, its text only with « Autre »
 * (what the user chose before changing their mind is not sent).
 */
export function toReply(values: ReplyValues): ApplicationReply {
  const refusing = values.status === 'refusee';
  return {
    status: values.status,
    replyMessage: values.replyMessage,
    ...(refusing && values.refusalReason ? { refusalReason: values.refusalReason } : {}),
    ...(refusing && values.refusalReason === 'autre' ? { refusalDetail: values.refusalDetail } : {}),
  } as ApplicationReply;
}

/** The form's check: the shared schema, on the reply the values make. */
export const replyFormSchema = z.preprocess(
  (values) => toReply(values as ReplyValues),
  applicationReplySchema,
);

interface Props {
  form: UseFormReturnType<ReplyValues>;
  templates: readonly ReplyTemplate[];
  /** A template's text as it goes into the message (its placeholders filled, or kept for a bulk reply). */
  fill: (body: string) => string;
}

/**
 * "Répondre à cette candidature" (one or several): the decision, a template that writes the
 * message, the manual's reminder that the candidate cannot reach the structure otherwise, the
 * message.
 */
export function ReplyFields({ form, templates, fill }: Props) {
  const [templateId, setTemplateId] = useState<string | null>(null);
  const decision = form.values.status;
  const offered = decision ? templates.filter((template) => template.decision === decision) : templates;
  const shown = offered.some((template) => template.id === templateId) ? templateId : null;
  const data = replyDecisions
    .filter((value) => !decision || value === decision)
    .map((value) => ({
      group: replyDecisionLabels[value],
      items: offered
        .filter((template) => template.decision === value)
        .map((template) => ({ value: template.id, label: template.name })),
    }))
    .filter((group) => group.items.length > 0);

  return (
    <Stack>
      <Radio.Group label="Votre décision" required {...fieldProps(form, 'status')}>
        <Stack gap="xs" mt="xs">
          {replyDecisions.map((value) => (
            <Radio key={value} value={value} label={replyDecisionLabels[value]} />
          ))}
        </Stack>
      </Radio.Group>
      {decision === 'refusee' && (
        <Group align="flex-start">
          <Select
            label="Motif du refus"
            required
            placeholder="Choisissez un motif"
            data={refusalReasons.map((value) => ({ value, label: refusalReasonLabels[value] }))}
            allowDeselect={false}
            w={360}
            {...fieldProps(form, 'refusalReason')}
          />
          {form.values.refusalReason === 'autre' && (
            <TextInput
              label="Précisez le motif"
              required
              maxLength={REFUSAL_DETAIL_MAX}
              w={360}
              {...fieldProps(form, 'refusalDetail')}
            />
          )}
        </Group>
      )}
      <Group align="flex-end">
        <Select
          label="Modèle de réponse"
          description="Remplace le message par le texte du modèle"
          placeholder={data.length > 0 ? 'Choisissez un modèle' : 'Aucun modèle pour cette décision'}
          data={data}
          value={shown}
          clearable
          disabled={data.length === 0}
          onChange={(id) => {
            setTemplateId(id);
            const template = templates.find((candidate) => candidate.id === id);
            if (!template) return;
            if (!decision) form.setFieldValue('status', template.decision);
            form.setFieldValue('replyMessage', fill(template.body));
          }}
          w={360}
        />
        <Anchor component={Link} to={REPLY_TEMPLATES_PATH} size="sm" mb={8}>
          Modèles de réponse
        </Anchor>
      </Group>
      <Alert color="orange" variant="outline" title="Vos coordonnées">
        {REPLY_CONTACT_WARNING}
      </Alert>
      <Textarea
        label="Message"
        required
        autosize
        minRows={8}
        maxLength={4000}
        {...fieldProps(form, 'replyMessage')}
      />
    </Stack>
  );
}
