import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { REPLY_CONTACT_WARNING } from '../../../shared/domain/applications';
import { contactFieldsSchema, type ContactFieldsInput } from '../../../shared/domain/profiles';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldProps } from '../../ui/forms';
import { useSubmitForm } from '../../ui/useSubmitForm';
import { OpenOfferSelect } from '../offers/OpenOfferSelect';
import { useSendContact } from './queries';

/** The offer stays empty until the user chooses one (it is required). */
type ContactValues = { offerId: string | null; message: string };

/** "Contacter ce profil": an offer "En cours" and a message, checked with the shared schema. */
function ContactForm({ profileId, onSent }: { profileId: string; onSent: () => void }) {
  const contact = useSendContact(profileId);
  const { form, failure, mutation, onSubmit } = useSubmitForm({
    initialValues: { offerId: null, message: '' } as ContactValues,
    schema: contactFieldsSchema,
    // The schema has checked the offer: it is chosen here.
    submit: (values: ContactValues) => contact.send(values as ContactFieldsInput),
    onSuccess: (sent) => {
      onSent();
      contact.onSent(sent);
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {failure && <ErrorAlert message={failure} />}
        <OpenOfferSelect label="Offre" required {...fieldProps(form, 'offerId')} />
        <Alert color="orange" variant="outline" title="Vos coordonnées">
          {REPLY_CONTACT_WARNING}
        </Alert>
        <Textarea
          label="Message"
          required
          autosize
          minRows={6}
          maxLength={4000}
          {...fieldProps(form, 'message')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Envoyer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The dialog of "Contacter ce profil" (its form starts empty each time it opens). */
export function ContactModal({
  profileId,
  opened,
  onClose,
}: {
  profileId: string;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Contacter ce profil"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      <ContactForm profileId={profileId} onSent={onClose} />
    </Modal>
  );
}
