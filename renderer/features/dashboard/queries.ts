import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { loadable } from './loadable';

/** How many lines of "À faire" the dashboard shows (the rest is "et N autres"). */
export const TODO_SHOWN = 5;
/** How many alerts the dashboard shows ("Voir toutes les alertes" for the others). */
export const TOP_ALERTS = 5;

export function useDashboardTodo() {
  return loadable(
    useQuery({
      queryKey: queryKeys.dashboardPart('todo'),
      queryFn: () => call('dashboard.todo', { limit: TODO_SHOWN }),
    }),
  );
}

export function useApplicationsPerWeek() {
  return loadable(
    useQuery({
      queryKey: queryKeys.dashboardPart('applicationsPerWeek'),
      queryFn: () => call('dashboard.applicationsPerWeek'),
    }),
  );
}

export function useFirstAnswerDelay() {
  return loadable(
    useQuery({
      queryKey: queryKeys.dashboardPart('firstAnswerDelay'),
      queryFn: () => call('dashboard.firstAnswerDelay'),
    }),
  );
}

export function useApplicationsPerOffer() {
  return loadable(
    useQuery({
      queryKey: queryKeys.dashboardPart('applicationsPerOffer'),
      queryFn: () => call('dashboard.applicationsPerOffer'),
    }),
  );
}

export function useTopAlerts() {
  return loadable(
    useQuery({
      queryKey: queryKeys.alertsTop(TOP_ALERTS),
      queryFn: () => call('alerts.list', { limit: TOP_ALERTS }),
    }),
  );
}
