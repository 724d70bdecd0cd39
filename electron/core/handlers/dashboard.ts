import type { Handlers } from '../../../shared/ipc/contract';
import { applicationsPerOffer, applicationsPerWeek, firstAnswerDelay } from '../dashboard/charts';
import { readTodo } from '../dashboard/todo';
import { readLocalSession } from '../session/local-session';
import type { HandlerContext } from './context';

type DashboardChannels =
  | 'dashboard.todo'
  | 'dashboard.applicationsPerWeek'
  | 'dashboard.firstAnswerDelay'
  | 'dashboard.applicationsPerOffer';

/** "Tableau de bord": "À faire" and the three charts, from this desktop's cache (offline too). */
export function dashboardHandlers(ctx: HandlerContext): Pick<Handlers, DashboardChannels> {
  const store = () => ctx.sessions.requireAccount().store;
  return {
    async 'dashboard.todo'(query) {
      const account = store();
      // Collaborators' requests wait for the référent alone: only they can accept them.
      const { user } = await readLocalSession(account);
      const referent = user?.role === 'referent';
      const now = ctx.clock();
      return account.read((tx) => readTodo(tx, now, query?.limit ?? 20, referent));
    },
    async 'dashboard.applicationsPerWeek'() {
      const now = ctx.clock();
      return store().read((tx) => applicationsPerWeek(tx, now));
    },
    async 'dashboard.firstAnswerDelay'() {
      const now = ctx.clock();
      return store().read((tx) => firstAnswerDelay(tx, now));
    },
    async 'dashboard.applicationsPerOffer'() {
      return store().read((tx) => applicationsPerOffer(tx));
    },
  };
}
