import { Card, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { OFFER_LIFETIME_MONTHS, offerFieldsSchema } from '../../../shared/domain/offers';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { notifySuccess } from '../../ui/notify';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSubmitForm } from '../../ui/useSubmitForm';
import { useRefreshEmployersAndOffers } from '../employers/queries';
import { emptyOffer, offerFields } from './offerFormValues';
import { OfferForm } from './OfferForm';
import { MY_OFFERS_PATH } from './paths';

/** "Mes offres › Créer une offre": published "En cours" on this desktop at once, numbered at the next sync. */
export function CreateOfferPage() {
  usePageTitle('Créer une offre');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = useRefreshEmployersAndOffers();
  // From an employer's page: that employer already chosen (the select offers accepted ones only).
  const [params] = useSearchParams();
  const { form, failure, mutation, onSubmit } = useSubmitForm({
    initialValues: emptyOffer(params.get('employeur')),
    schema: offerFieldsSchema,
    submit: (values) => call('offers.create', offerFields(values)),
    onSuccess: async (offer) => {
      queryClient.setQueryData(queryKeys.offer(offer.id), offer);
      await refresh();
      notifySuccess(
        `Offre « ${offer.title} » publiée « En cours ». Elle recevra son numéro d’offre à la prochaine synchronisation.`,
      );
      navigate(MY_OFFERS_PATH);
    },
  });

  return (
    <Stack>
      <Title order={1}>Créer une offre</Title>
      <Text size="sm">
        L’offre est publiée « En cours » dès son enregistrement, même hors ligne ; la plateforme lui attribue
        son numéro à la prochaine synchronisation et l’archive {OFFER_LIFETIME_MONTHS} mois après sa
        publication.
      </Text>
      <Card withBorder padding="lg">
        <OfferForm
          form={form}
          onSubmit={onSubmit}
          failure={failure}
          submitting={mutation.isPending}
          submitLabel="Publier l’offre"
          onCancel={() => navigate(MY_OFFERS_PATH)}
        />
      </Card>
    </Stack>
  );
}
