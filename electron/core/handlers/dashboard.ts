import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { HandlerContext } from './context';

type DashboardChannels =
  | 'dashboard.todo'
  | 'dashboard.applicationsPerWeek'
  | 'dashboard.firstAnswerDelay'
  | 'dashboard.applicationsPerOffer';

// Placeholder while the dashboard's core is being built (replaced by its real handlers).
export function dashboardHandlers(_ctx: HandlerContext): Pick<Handlers, DashboardChannels> {
  const notYet = () => Promise.reject(new AppError('internal', 'Pas encore disponible.'));
  return {
    'dashboard.todo': notYet,
    'dashboard.applicationsPerWeek': notYet,
    'dashboard.firstAnswerDelay': notYet,
    'dashboard.applicationsPerOffer': notYet,
  };
}
