import { Anchor, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { LocalAlert } from '../../../shared/domain/alerts';
import { messageOf } from '../../api/client';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ExportCsvButton } from '../../ui/ExportCsvButton';
import { exportAlerts } from '../profiles/exportProfiles';
import { notifySuccess } from '../../ui/notify';
import { plural } from '../../ui/plural';
import { OpenOfferSelect } from '../offers/OpenOfferSelect';
import { offerTitleLine, profileName } from '../profiles/labels';
import { MatchSummary } from '../profiles/MatchSummary';
import { profilePath } from '../profiles/paths';
import { ALERTS_SHOWN, useAlerts, useDismissAlert } from '../profiles/queries';
import { FROM_DASHBOARD } from './paths';
import { CandidateName } from '../profiles/CandidateName';

function AlertItem({ alert, onDismiss }: { alert: LocalAlert; onDismiss: () => void }) {
  const name = profileName(alert.profile);
  return (
    <Card component="li" withBorder padding="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <CandidateName oeth={alert.profile.oeth}>
            <Anchor component={Link} to={profilePath(alert.profile.id)} state={FROM_DASHBOARD} fw={600}>
              {name}
            </Anchor>
          </CandidateName>
          <Text size="sm">
            {alert.profile.romeLabel}, {alert.profile.communeName}
          </Text>
          <Text size="sm">Pour l’offre {offerTitleLine(alert)}</Text>
          <MatchSummary alert={alert} />
        </Stack>
        <Button
          variant="outline"
          size="xs"
          onClick={onDismiss}
          aria-label={`Ignorer cette alerte : ${name}, ${offerTitleLine(alert)}`}
        >
          Ignorer cette alerte
        </Button>
      </Group>
    </Card>
  );
}

/**
 * The dashboard's "Alertes": profiles the platform found for the structure's offers "En cours",
 * best first, each with its reasons; "Ignorer cette alerte" hides it for the whole team.
 */
export function AlertsBlock() {
  const [offerId, setOfferId] = useState<string | null>(null);
  const alerts = useAlerts(offerId);
  const dismiss = useDismissAlert();
  const heading = useRef<HTMLHeadingElement>(null);
  const rows = alerts.data ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="dashboard-alerts">
      <Stack>
        <Group justify="space-between" align="flex-end">
          {/* Focus comes back here when the alert whose button had it goes away. */}
          <Title order={2} id="dashboard-alerts" ref={heading} tabIndex={-1}>
            Alertes
          </Title>
          <OpenOfferSelect
            label="Offre"
            placeholder="Toutes les offres en cours"
            clearable
            value={offerId}
            onChange={setOfferId}
            w={380}
          />
        </Group>
        <Text size="sm">
          Les profils qui correspondent à vos offres « En cours », trouvés par la plateforme.
        </Text>
        {alerts.isPending && <Loader aria-label="Chargement des alertes" />}
        {alerts.error && (
          <ErrorAlert message={messageOf(alerts.error)} onRetry={() => void alerts.refetch()} />
        )}
        {alerts.data && rows.length === 0 && (
          <Text size="sm">
            {offerId
              ? 'Aucune alerte pour cette offre.'
              : 'Aucune alerte pour l’instant : elles apparaissent quand un profil correspond à l’une de vos offres « En cours ».'}
          </Text>
        )}
        {rows.length > 0 && (
          <>
            <Group justify="space-between">
              <Text size="sm" role="status" aria-live="polite">
                {rows.length < ALERTS_SHOWN
                  ? plural(rows.length, 'alerte', 'alertes')
                  : `Les ${ALERTS_SHOWN} meilleures alertes : choisissez une offre pour voir toutes les siennes, ou exportez-les toutes.`}
              </Text>
              <ExportCsvButton run={() => exportAlerts(offerId)} label="Exporter en CSV : alertes" />
            </Group>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {rows.map((alert) => (
                <AlertItem
                  key={alert.id}
                  alert={alert}
                  onDismiss={() => {
                    heading.current?.focus();
                    dismiss.mutate(alert, {
                      onSuccess: () => notifySuccess('Alerte ignorée pour toute la structure.'),
                    });
                  }}
                />
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </Card>
  );
}
