import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DashboardTodo } from '../../../shared/domain/dashboard';
import { TODO_WAITING_DAYS } from '../../../shared/domain/dashboard';
import { formatCount } from '../../ui/plural';
import { DashboardCard } from './DashboardCard';
import type { Loadable } from './loadable';
import { FROM_DASHBOARD } from './paths';
import { todoKey, todoLine } from './todoLabels';

/** "À faire": the most urgent first, each line a link to where it is done; "et N autres" below. */
export function TodoList({ state }: { state: Loadable<DashboardTodo> }) {
  return (
    <DashboardCard
      id="dashboard-todo"
      title="À faire"
      state={state}
      isEmpty={(todo) => todo.items.length === 0}
      empty={
        <Text size="sm">
          Rien à faire pour l’instant : aucune candidature sans réponse depuis plus de {TODO_WAITING_DAYS}{' '}
          jours, aucune offre bientôt archivée, aucune modification à reprendre.
        </Text>
      }
    >
      {(todo) => (
        <>
          <Stack component="ol" gap={2} m={0} pl="md">
            {todo.items.map((item) => {
              const line = todoLine(item);
              return (
                <li key={todoKey(item)}>
                  <Anchor component={Link} to={line.to} state={FROM_DASHBOARD} size="sm" lineClamp={1}>
                    {line.text}
                  </Anchor>
                </li>
              );
            })}
          </Stack>
          {todo.total > todo.items.length && (
            <Text size="sm">et {formatCount(todo.total - todo.items.length)} autres</Text>
          )}
        </>
      )}
    </DashboardCard>
  );
}
