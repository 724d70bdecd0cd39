import { Card, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { headcountBandLabels } from '../../../shared/domain/company';
import { formatFrenchPhone } from '../../../shared/validation/phone';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { DetailList } from '../../ui/DetailList';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePageTitle } from '../../ui/usePageTitle';

const yesNo = (value: boolean) => (value ? 'Oui' : 'Non');

/** "Mon compte › Ma structure", read from the local cache (works offline). */
export function StructurePage() {
  usePageTitle('Ma structure');
  const structure = useQuery({ queryKey: queryKeys.structure, queryFn: () => call('structure.get') });

  return (
    <Stack>
      <Title order={1}>Ma structure</Title>
      {structure.isPending && <Loader aria-label="Chargement de la structure" />}
      {structure.error && (
        <ErrorAlert message={messageOf(structure.error)} onRetry={() => void structure.refetch()} />
      )}
      {structure.data && (
        <Card withBorder padding="lg">
          <DetailList
            items={[
              { label: 'Siret', value: structure.data.siret },
              { label: 'Raison sociale', value: structure.data.legalName },
              { label: 'Code NAF', value: structure.data.nafCode },
              { label: "Domaine d'activité", value: structure.data.nafLabel },
              {
                label: 'Effectif',
                value: structure.data.headcountBand
                  ? headcountBandLabels[structure.data.headcountBand]
                  : null,
              },
              { label: 'Nom commercial', value: structure.data.tradeName },
              {
                label: 'Adresse',
                value: `${structure.data.address.street}, ${structure.data.address.postalCode} ${structure.data.address.communeName}`,
              },
              { label: 'Adresse électronique', value: structure.data.email },
              {
                label: 'Téléphone',
                value: structure.data.phone ? formatFrenchPhone(structure.data.phone) : null,
              },
              { label: 'Site internet', value: structure.data.website },
              {
                label: "J'accepte de recevoir des stagiaires de troisième (1 semaine)",
                value: yesNo(structure.data.acceptsThirdGradeInterns),
              },
              {
                label: "J'accepte de recevoir des stagiaires de seconde (2 semaines)",
                value: yesNo(structure.data.acceptsSecondGradeInterns),
              },
            ]}
          />
        </Card>
      )}
    </Stack>
  );
}
