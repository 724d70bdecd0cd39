import { Group, Loader, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { notifySuccess } from '../../ui/notify';
import { plural } from '../../ui/plural';
import { usePageTitle } from '../../ui/usePageTitle';
import { OpenOfferSelect } from '../offers/OpenOfferSelect';
import { alertsCsv } from '../profiles/exportProfiles';
import { useDismissAlert } from '../profiles/queries';
import { AlertsList } from './AlertsList';
import { filterAlerts } from './filterAlerts';

/** More than any structure has (ALERTS_PER_OFFER per offer "En cours"). */
const ALERTS_MAX = 5000;

/** The alerts of every offer "En cours", or of one: all of them, best first. */
function useAllAlerts(offerId: string | null) {
  return useQuery({
    queryKey: queryKeys.alertsFor(offerId),
    queryFn: () => call('alerts.list', { ...(offerId ? { offerId } : {}), limit: ALERTS_MAX }),
  });
}

/** "Mon espace › Alertes": the profiles the platform found for the offers "En cours", filtered. */
export function AlertsPage() {
  usePageTitle('Alertes');
  const [offerId, setOfferId] = useState<string | null>(null);
  const [minScore, setMinScore] = useState<number>(0);
  const [text, setText] = useState('');
  const alerts = useAllAlerts(offerId);
  const dismiss = useDismissAlert();
  const rows = useMemo(
    () => filterAlerts(alerts.data ?? [], { minScore, text }),
    [alerts.data, minScore, text],
  );
  const filtered = Boolean(offerId) || minScore > 0 || text.trim() !== '';
  return (
    <Stack gap="sm">
      <Title order={1}>Alertes</Title>
      <Text size="sm">
        Les profils qui correspondent à vos offres « En cours », trouvés par la plateforme.
      </Text>
      <Group align="flex-end" gap="sm">
        <OpenOfferSelect
          label="Offre"
          placeholder="Toutes les offres en cours"
          clearable
          value={offerId}
          onChange={setOfferId}
          w={340}
        />
        <NumberInput
          label="Score minimum"
          min={0}
          max={100}
          step={5}
          clampBehavior="strict"
          allowDecimal={false}
          value={minScore}
          onChange={(value) => setMinScore(typeof value === 'number' ? value : 0)}
          w={140}
        />
        <TextInput
          label="Rechercher"
          description="Nom, métier, commune ou offre"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={260}
        />
        <ExportCsvButton run={async () => alertsCsv(rows)} label="Exporter en CSV : alertes" />
      </Group>
      {alerts.isPending && <Loader aria-label="Chargement des alertes" />}
      {alerts.error && <ErrorAlert message={messageOf(alerts.error)} onRetry={() => void alerts.refetch()} />}
      {alerts.data && (
        <Text size="sm" role="status" aria-live="polite">
          {rows.length === 0
            ? filtered
              ? 'Aucune alerte ne correspond à ces filtres.'
              : 'Aucune alerte pour l’instant : elles apparaissent quand un profil correspond à l’une de vos offres « En cours ».'
            : plural(rows.length, 'alerte', 'alertes')}
        </Text>
      )}
      {rows.length > 0 && (
        <AlertsList
          alerts={rows}
          onDismiss={(alert) =>
            dismiss.mutate(alert, {
              onSuccess: () => notifySuccess('Alerte ignorée pour toute la structure.'),
            })
          }
        />
      )}
    </Stack>
  );
}
