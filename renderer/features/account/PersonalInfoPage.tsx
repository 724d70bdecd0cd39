import { Card, Stack, Title } from '@mantine/core';
import { roleLabels } from '../../../shared/domain/account';
import { formatFrenchPhone } from '../../../shared/validation/phone';
import { DetailList } from '../../ui/DetailList';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSignedInSession } from '../session/SessionGate';

/** "Mon compte › Mes informations personnelles" (read-only for now). */
export function PersonalInfoPage() {
  usePageTitle('Mes informations personnelles');
  const { user } = useSignedInSession();
  return (
    <Stack>
      <Title order={1}>Mes informations personnelles</Title>
      <Card withBorder padding="lg">
        <DetailList
          items={[
            { label: 'Prénom', value: user.firstName },
            { label: 'Nom', value: user.lastName },
            { label: 'Mail', value: user.mail },
            { label: 'Numéro de portable', value: formatFrenchPhone(user.mobile) },
            { label: 'Rôle dans la structure', value: user.role ? roleLabels[user.role] : null },
          ]}
        />
      </Card>
    </Stack>
  );
}
