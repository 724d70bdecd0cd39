import { useForm } from '@mantine/form';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { describe, expect, it, vi } from 'vitest';
import { REFUSAL_DETAIL_REQUIRED, REFUSAL_REASON_REQUIRED } from '../../../shared/domain/applications';
import { renderView } from '../../test/render';
import { emptyReply, ReplyFields, replyFormSchema, toReply, type ReplyValues } from './ReplyFields';

function Form({ onReply }: { onReply: (values: ReturnType<typeof toReply>) => void }) {
  const form = useForm<ReplyValues>({
    initialValues: emptyReply,
    validate: zod4Resolver(replyFormSchema),
    validateInputOnBlur: true,
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => onReply(toReply(values)))}>
      <ReplyFields form={form} templates={[]} fill={(body) => body} />
      <button type="submit">Envoyer la réponse</button>
    </form>
  );
}

describe('ReplyFields', () => {
  it('asks a refusal for its reason, « Autre » for its text, and sends neither with an interview', async () => {
    const user = userEvent.setup();
    const onReply = vi.fn();
    renderView(<Form onReply={onReply} />);
    await user.click(screen.getByRole('button', { name: 'Envoyer la réponse' }));
    await user.click(screen.getByRole('radio', { name: 'Refuser la candidature' }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), '   ');
    await user.click(screen.getByRole('button', { name: 'Envoyer la réponse' }));
    expect(await screen.findByText(REFUSAL_REASON_REQUIRED)).toBeTruthy();
    expect(screen.getByText('Le champ « Message » est obligatoire.')).toBeTruthy();

    await user.click(screen.getByRole('textbox', { name: 'Motif du refus' }));
    await user.click(await screen.findByRole('option', { name: 'Autre', hidden: true }));
    await user.clear(screen.getByRole('textbox', { name: 'Message' }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Bonjour, la session est complète.');
    await user.click(screen.getByRole('button', { name: 'Envoyer la réponse' }));
    expect(await screen.findByText(REFUSAL_DETAIL_REQUIRED)).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Précisez le motif' }), 'Session complète');
    await user.click(screen.getByRole('button', { name: 'Envoyer la réponse' }));
    expect(onReply).toHaveBeenLastCalledWith({
      status: 'refusee',
      replyMessage: 'Bonjour, la session est complète.',
      refusalReason: 'autre',
      refusalDetail: 'Session complète',
    });

    // Changed to an interview: the reason chosen before is not sent.
    await user.click(screen.getByRole('radio', { name: /^Organiser un entretien/ }));
    expect(screen.queryByRole('textbox', { name: 'Motif du refus' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Envoyer la réponse' }));
    expect(onReply).toHaveBeenLastCalledWith({
      status: 'recevable',
      replyMessage: 'Bonjour, la session est complète.',
    });
  });
});
