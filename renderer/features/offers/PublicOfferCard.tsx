import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { contractTypeLabels, HANDICAP_COMMITMENT, type PublicOffer } from '../../../shared/domain/offers';
import { formatDay } from '../../ui/dates';
import { DetailList } from '../../ui/DetailList';
import { HandicapPictogram } from './HandicapPictogram';

const km = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** One offer of another structure, as anyone may read it (no contact detail). */
export function PublicOfferCard({ offer, withDistance }: { offer: PublicOffer; withDistance: boolean }) {
  const place =
    withDistance && offer.distanceKm !== null
      ? `${offer.communeName} (à ${km.format(offer.distanceKm)} km)`
      : offer.communeName;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={`offer-${offer.id}`}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`offer-${offer.id}`}>
          N° {offer.number} — {offer.title}
        </Title>
        <DetailList
          items={[
            { label: 'Employeur', value: offer.employerName },
            { label: 'Structure', value: offer.structureName },
            { label: 'Métier', value: `${offer.romeLabel} (${offer.romeCode})` },
            { label: 'Lieu', value: place },
            { label: 'Type de contrat', value: contractTypeLabels[offer.contractType] },
            { label: 'Date de début', value: formatDay(offer.startDate) },
            { label: 'Durée (mois)', value: String(offer.durationMonths) },
            {
              label: 'Diplômes',
              value: offer.diplomas.map((diploma) => `${diploma.label} (niveau ${diploma.level})`).join(', '),
            },
          ]}
        />
        {offer.handicapCommitment && (
          <Group gap="xs" wrap="nowrap">
            <HandicapPictogram decorative />
            <Text size="sm">{HANDICAP_COMMITMENT}</Text>
          </Group>
        )}
        <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-line' }}>
          {offer.description}
        </Text>
      </Stack>
    </Card>
  );
}
