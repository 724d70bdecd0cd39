import { Stack, Title } from '@mantine/core';
import { usePageTitle } from '../../ui/usePageTitle';
import { ApplicationsBlock } from './ApplicationsBlock';

/**
 * "Mon espace › Tableau de bord". The blocks "Alertes" and "Favoris" come with profile search:
 * a block appears here once what it shows works.
 */
export function DashboardPage() {
  usePageTitle('Tableau de bord');
  return (
    <Stack>
      <Title order={1}>Tableau de bord</Title>
      <ApplicationsBlock />
    </Stack>
  );
}
