import { List, Text } from '@mantine/core';
import type { LocalAlert } from '../../../shared/domain/alerts';

/** An alert's score and the reasons of it that hold ("Même métier", "À 12 km"…), as the platform wrote them. */
export function MatchSummary({ alert }: { alert: Pick<LocalAlert, 'score' | 'reasons'> }) {
  const met = alert.reasons.filter((reason) => reason.met);
  return (
    <>
      <Text size="sm" fw={700}>
        Score {alert.score}/100
      </Text>
      {met.length > 0 && (
        <List size="sm" spacing={2} aria-label="Raisons">
          {met.map((reason) => (
            <List.Item key={reason.criterion}>{reason.text}</List.Item>
          ))}
        </List>
      )}
    </>
  );
}
