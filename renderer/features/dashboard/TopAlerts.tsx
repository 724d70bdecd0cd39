import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { LocalAlert } from '../../../shared/domain/alerts';
import { ALERTS_PATH } from '../alerts/paths';
import { offerTitleLine, profileName } from '../profiles/labels';
import { profilePath } from '../profiles/paths';
import { DashboardCard } from './DashboardCard';
import type { Loadable } from './loadable';
import { FROM_DASHBOARD } from './paths';

interface Props {
  state: Loadable<LocalAlert[]>;
  onDismiss: (alert: LocalAlert) => void;
}

/** "Alertes": the best few, one line each (who, for which offer, the score), and the way to all. */
export function TopAlerts({ state, onDismiss }: Props) {
  return (
    <DashboardCard
      id="dashboard-alerts"
      title="Alertes"
      state={state}
      actions={
        <Anchor component={Link} to={ALERTS_PATH} size="sm">
          Voir toutes les alertes
        </Anchor>
      }
      isEmpty={(alerts) => alerts.length === 0}
      empty={
        <Text size="sm">
          Aucune alerte pour l’instant : elles apparaissent quand un profil correspond à l’une de vos offres «
          En cours ».
        </Text>
      }
    >
      {(alerts) => (
        <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
          {alerts.map((alert) => {
            const name = profileName(alert.profile);
            return (
              <Group component="li" key={alert.id} wrap="nowrap" gap={6}>
                <Anchor
                  component={Link}
                  to={profilePath(alert.profile.id)}
                  state={FROM_DASHBOARD}
                  size="sm"
                  fw={600}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {name}
                </Anchor>
                <Text size="sm" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {alert.score}/100
                </Text>
                <Text size="xs" truncate="end" style={{ flex: 1, minWidth: 0 }} title={offerTitleLine(alert)}>
                  {offerTitleLine(alert)}
                </Text>
                <Button
                  variant="subtle"
                  size="compact-xs"
                  onClick={() => onDismiss(alert)}
                  aria-label={`Ignorer cette alerte : ${name}, ${offerTitleLine(alert)}`}
                >
                  Ignorer
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
    </DashboardCard>
  );
}
