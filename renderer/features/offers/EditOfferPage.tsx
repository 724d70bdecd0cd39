import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { offerFieldsSchema } from '../../../shared/domain/offers';
import type { LocalOffer } from '../../../shared/domain/session';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePageTitle } from '../../ui/usePageTitle';
import { applicationsListPath } from '../applications/paths';
import { useRefreshEmployersAndOffers } from '../employers/queries';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { useLocalEditForm } from '../sync/useLocalEditForm';
import { offerPatch, offerValues } from './offerFormValues';
import { OfferForm } from './OfferForm';
import { MY_OFFERS_PATH } from './paths';
import { offerNumber, useOffer } from './queries';
import { myOffersTabPath } from './useOffersParams';

function EditOffer({ offer }: { offer: LocalOffer }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = useRefreshEmployersAndOffers();
  const back = myOffersTabPath(offer.status);
  const { form, failure, mutation, submit } = useLocalEditForm({
    row: offer,
    toValues: offerValues,
    schema: offerFieldsSchema,
    save: (values) => call('offers.update', { id: offer.id, patch: offerPatch(offer, values) }),
    onSaved: async (saved) => {
      queryClient.setQueryData(queryKeys.offer(saved.id), saved);
      await refresh();
      navigate(back);
    },
  });
  return (
    <Stack>
      <Anchor component={Link} to={back} size="sm">
        Retour à mes offres
      </Anchor>
      <Group justify="space-between" align="center">
        <Title order={1}>Modifier l’offre</Title>
        <SyncStateBadge state={offer.syncState} />
      </Group>
      <Group gap="md">
        <Text size="sm">
          N° d’offre : {offerNumber(offer)} — {offer.employerName}
        </Text>
        {offer.applicationsCount > 0 && (
          <Anchor component={Link} to={applicationsListPath({ offerId: offer.id })} size="sm">
            {`Voir les candidatures à cette offre (${offer.applicationsCount})`}
          </Anchor>
        )}
      </Group>
      <Card withBorder padding="lg">
        <OfferForm
          form={form}
          onSubmit={submit}
          failure={failure}
          submitting={mutation.isPending}
          submitLabel="Enregistrer"
          offer={offer}
          onCancel={() => navigate(back)}
        />
      </Card>
    </Stack>
  );
}

/** "Modifier": the offer's fields, saved here at once and sent at the next sync. */
export function EditOfferPage() {
  usePageTitle('Modifier l’offre');
  const { id = '' } = useParams();
  const offer = useOffer(id);
  if (offer.isPending) return <Loader aria-label="Chargement de l’offre" />;
  if (offer.error) {
    return (
      <Stack>
        <Title order={1}>Modifier l’offre</Title>
        <ErrorAlert message={messageOf(offer.error)} onRetry={() => void offer.refetch()} />
        <Anchor component={Link} to={MY_OFFERS_PATH}>
          Retour à mes offres
        </Anchor>
      </Stack>
    );
  }
  return <EditOffer offer={offer.data} />;
}
