import { Stack, Title } from '@mantine/core';
import { usePageTitle } from '../../ui/usePageTitle';
import { AlertsBlock } from './AlertsBlock';
import { ApplicationsBlock } from './ApplicationsBlock';
import { FavoritesBlock } from './FavoritesBlock';

/** "Mon espace › Tableau de bord": the blocks of the manual, in its order. */
export function DashboardPage() {
  usePageTitle('Tableau de bord');
  return (
    <Stack>
      <Title order={1}>Tableau de bord</Title>
      <AlertsBlock />
      <FavoritesBlock />
      <ApplicationsBlock />
    </Stack>
  );
}
