import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { refreshQueries } from './refresh-queries';

describe('refreshQueries', () => {
  it('reads again a query whose first fetch began before the change', async () => {
    const queryClient = new QueryClient();
    let stored = 'provisoire';
    const answers: Array<() => void> = [];
    const observer = new QueryObserver(queryClient, {
      queryKey: ['offers.list', { page: 1 }],
      // Each read takes what is stored when it starts, and answers when the test says.
      queryFn: () => {
        const seen = stored;
        return new Promise<string>((resolve) => answers.push(() => resolve(seen)));
      },
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await Promise.resolve();
    expect(answers).toHaveLength(1);

    stored = 'numérotée';
    const refreshed = refreshQueries(queryClient, [['offers.list']]);
    answers[0]!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    answers.at(-1)!();
    await refreshed;
    expect(observer.getCurrentResult().data).toBe('numérotée');
    unsubscribe();
  });
});
