import { Anchor, Box, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useVirtualRows } from '../../ui/useVirtualRows';
import { Link } from 'react-router';
import type { LocalAlert } from '../../../shared/domain/alerts';
import { CandidateName } from '../profiles/CandidateName';
import { offerTitleLine, profileName } from '../profiles/labels';
import { MatchSummary } from '../profiles/MatchSummary';
import { backTo, profilePath } from '../profiles/paths';
import { ALERTS_PATH } from './paths';

const FROM_ALERTS = backTo(ALERTS_PATH, 'Retour aux alertes');

function AlertItem({ alert, onDismiss }: { alert: LocalAlert; onDismiss: () => void }) {
  const name = profileName(alert.profile);
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <CandidateName oeth={alert.profile.oeth}>
            <Anchor component={Link} to={profilePath(alert.profile.id)} state={FROM_ALERTS} fw={600}>
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

interface Props {
  alerts: readonly LocalAlert[];
  onDismiss: (alert: LocalAlert) => void;
}

/**
 * The alerts, virtualised: only those in view (and a few around) are in the page, between two
 * spacers that keep the scroll height; `aria-setsize`/`aria-posinset` tell where each one is.
 */
export function AlertsList({ alerts, onDismiss }: Props) {
  const { scrollRef, items, measureElement, totalSize, before, after } = useVirtualRows(alerts, {
    key: (alert) => alert.id,
    estimateSize: 150,
    overscan: 6,
  });
  return (
    <Box
      ref={scrollRef}
      style={{ maxHeight: 'max(20rem, calc(100vh - 17rem))', overflow: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label="Liste des alertes"
    >
      {/* Its full height from the start: the virtualizer measures what is in view to fill it. */}
      <Box
        component="ul"
        m={0}
        p={0}
        style={{
          listStyle: 'none',
          paddingTop: before,
          paddingBottom: after,
          minHeight: totalSize,
          boxSizing: 'border-box',
        }}
      >
        {items.map((item) => {
          const alert = alerts[item.index]!;
          return (
            <Box
              component="li"
              key={item.key}
              data-index={item.index}
              ref={measureElement}
              aria-setsize={alerts.length}
              aria-posinset={item.index + 1}
              pb="xs"
            >
              <AlertItem alert={alert} onDismiss={() => onDismiss(alert)} />
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
