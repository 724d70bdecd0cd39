import { Badge, Stack, Text } from '@mantine/core';
import { SUCCESS_COLOR, WARNING_COLOR } from '../../ui/colors';
import { employerStatusLabels, type Employer, type EmployerStatus } from '../../../shared/domain/employers';

const colors: Record<EmployerStatus, string> = {
  en_attente: WARNING_COLOR,
  acceptee: SUCCESS_COLOR,
  refusee: 'red.9',
};

/** Where the partnership request stands; a refused one says why. */
export function EmployerStatus({ employer }: { employer: Pick<Employer, 'status' | 'refusalReason'> }) {
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={colors[employer.status]} variant="outline">
        {employerStatusLabels[employer.status]}
      </Badge>
      {employer.status === 'refusee' && employer.refusalReason && (
        <Text size="xs">Motif : {employer.refusalReason}</Text>
      )}
    </Stack>
  );
}
