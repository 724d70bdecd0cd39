import { Grid, Title } from '@mantine/core';
import { usePageTitle } from '../../ui/usePageTitle';
import { useApplicationCounts } from '../applications/queries';
import { useDismissAlert, useFavorites } from '../profiles/queries';
import { notifySuccess } from '../../ui/notify';
import { ApplicationsPerOfferChart } from './ApplicationsPerOfferChart';
import { ApplicationsPerWeekChart } from './ApplicationsPerWeekChart';
import { FavoritesSummary } from './FavoritesSummary';
import { FirstAnswerDelayChart } from './FirstAnswerDelayChart';
import { loadable } from './loadable';
import {
  useApplicationsPerOffer,
  useApplicationsPerWeek,
  useDashboardTodo,
  useFirstAnswerDelay,
  useTopAlerts,
} from './queries';
import { StatusCounts } from './StatusCounts';
import { TodoList } from './TodoList';
import { TopAlerts } from './TopAlerts';

/**
 * "Mon espace › Tableau de bord", on one screen (1366×768 with the menu open): where things
 * stand, what to do first, the best alerts, and how recruitment goes. This is the data part:
 * each block is a view given what the core answered.
 */
export function DashboardPage() {
  usePageTitle('Tableau de bord');
  const counts = loadable(useApplicationCounts());
  const favorites = loadable(useFavorites());
  const todo = useDashboardTodo();
  const alerts = useTopAlerts();
  const dismiss = useDismissAlert();
  const perWeek = useApplicationsPerWeek();
  const delay = useFirstAnswerDelay();
  const perOffer = useApplicationsPerOffer();
  return (
    <>
      <Title order={1} size="h2" mb="xs">
        Tableau de bord
      </Title>
      <Grid gutter="xs" columns={24}>
        <Grid.Col span={18}>
          <StatusCounts state={counts} />
        </Grid.Col>
        <Grid.Col span={6}>
          <FavoritesSummary state={favorites} />
        </Grid.Col>
        <Grid.Col span={14}>
          <TodoList state={todo} />
        </Grid.Col>
        <Grid.Col span={10}>
          <TopAlerts
            state={alerts}
            onDismiss={(alert) =>
              dismiss.mutate(alert, {
                onSuccess: () => notifySuccess('Alerte ignorée pour toute la structure.'),
              })
            }
          />
        </Grid.Col>
        {/* Widths for the titles, each on one line at 1366 px with the menu open. */}
        <Grid.Col span={8}>
          <ApplicationsPerWeekChart state={perWeek} />
        </Grid.Col>
        <Grid.Col span={9}>
          <FirstAnswerDelayChart state={delay} />
        </Grid.Col>
        <Grid.Col span={7}>
          <ApplicationsPerOfferChart state={perOffer} />
        </Grid.Col>
      </Grid>
    </>
  );
}
