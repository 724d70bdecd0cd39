import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/ipc/events';
import { arrivalNotice, BadgeKeeper, badgeCountOf, OPEN_TO_PROCESS, reactionTo } from './applications-notice';

describe('the shell and new applications', () => {
  it('notifies how many applications arrived, in French, singular or plural', () => {
    expect(reactionTo({ type: 'applications.arrived', payload: { count: 3 } })).toEqual({
      notification: { title: 'Nouvelles candidatures', body: '3 nouvelles candidatures à traiter' },
      recountBadge: false,
    });
    expect(arrivalNotice(1).body).toBe('1 nouvelle candidature à traiter');
    // A click opens the list "A traiter".
    expect(OPEN_TO_PROCESS).toEqual({ type: 'applications.open', payload: { status: 'a_traiter' } });
  });

  it('counts the badge again when applications or the session change, not for other entities', () => {
    const changed = (entities: string[]): CoreEvent => ({ type: 'entities.changed', payload: { entities } });
    expect(reactionTo(changed(['offer', 'application'])).recountBadge).toBe(true);
    expect(reactionTo(changed(['offer'])).recountBadge).toBe(false);
    expect(reactionTo(changed(['offer'])).notification).toBeNull();
    expect(
      reactionTo({ type: 'session.changed', payload: { status: 'signedOut', notice: null } }).recountBadge,
    ).toBe(true);
  });

  it('shows the number "A traiter", and none when the counts are refused (signed out)', () => {
    const counts = { total: 9, a_traiter: 4, recevable: 3, refusee: 1, abandonnee: 1, overdue: 2 };
    expect(badgeCountOf({ ok: true, data: counts })).toBe(4);
    expect(badgeCountOf({ ok: false, error: { code: 'unauthorized', message: 'Connectez-vous.' } })).toBe(0);
  });

  it('counts once more, not once per event, when events come during a count', async () => {
    const pending: Array<(n: number) => void> = [];
    let secondAsked = () => {};
    const asked = new Promise<void>((resolve) => (secondAsked = resolve));
    const shown: number[] = [];
    const keeper = new BadgeKeeper(
      () =>
        new Promise<number>((resolve) => {
          if (pending.push(resolve) === 2) secondAsked();
        }),
      (n) => shown.push(n),
    );
    const first = keeper.refresh();
    void keeper.refresh();
    void keeper.refresh();
    expect(pending).toHaveLength(1);
    pending[0]!(2);
    // The second count starts once the first is shown.
    await asked;
    expect(shown).toEqual([2]);
    pending[1]!(5);
    await first;
    expect(shown).toEqual([2, 5]);
    expect(pending).toHaveLength(2);
  });
});
