import { Badge, Group } from '@mantine/core';
import { applicationStatusLabels, type ApplicationStatus } from '../../../shared/domain/applications';
import type { LocalApplication } from '../../../shared/domain/session';
import { SUCCESS_COLOR, WARNING_COLOR } from '../../ui/colors';
import { SyncStateBadge } from '../sync/SyncStateBadge';
import { OVERDUE_LABEL } from './labels';

export const applicationStatusColors: Record<ApplicationStatus, string> = {
  a_traiter: 'blue.9',
  recevable: SUCCESS_COLOR,
  refusee: 'red.9',
  abandonnee: 'gray.8',
};

// Badges keep their text whole in narrow table cells.
const wrapping = { root: { height: 'auto' }, label: { whiteSpace: 'normal' } } as const;

/** An application's status, whether it is new here or waits too long, and its sync state. */
export function ApplicationStatusBadges({
  application,
  size = 'sm',
}: {
  application: Pick<LocalApplication, 'status' | 'overdue' | 'readAt' | 'syncState'>;
  size?: 'sm' | 'lg';
}) {
  return (
    <Group gap={6}>
      <Badge color={applicationStatusColors[application.status]} variant="outline" size={size}>
        {applicationStatusLabels[application.status]}
      </Badge>
      {application.readAt === null && application.status === 'a_traiter' && (
        <Badge color="blue.9" variant="filled" size={size}>
          Non lue
        </Badge>
      )}
      {application.overdue && (
        <Badge color={WARNING_COLOR} variant="outline" size={size} styles={wrapping}>
          {OVERDUE_LABEL}
        </Badge>
      )}
      <SyncStateBadge state={application.syncState} size={size} />
    </Group>
  );
}
