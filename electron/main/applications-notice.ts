import { applicationCountsSchema } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import type { CoreEvent } from '../../shared/ipc/events';

// What the shell does about applications, without Electron: the desktop notification of new
// ones (its text, and what its click asks of the window) and the app's badge ("A traiter").

export interface Notice {
  title: string;
  body: string;
}

/** How the shell reacts to a core event. */
export interface ShellReaction {
  /** A desktop notification to show, whose click opens the list "A traiter". */
  notification: Notice | null;
  /** The number "A traiter" may have changed: the badge is counted again. */
  recountBadge: boolean;
}

export function reactionTo(event: CoreEvent): ShellReaction {
  return {
    notification: event.type === 'applications.arrived' ? arrivalNotice(event.payload.count) : null,
    recountBadge:
      event.type === 'session.changed' ||
      (event.type === 'entities.changed' && event.payload.entities.includes('application')),
  };
}

export function arrivalNotice(count: number): Notice {
  return {
    title: 'Nouvelles candidatures',
    body: count === 1 ? '1 nouvelle candidature à traiter' : `${count} nouvelles candidatures à traiter`,
  };
}

/** What the window is told when the notification is clicked: show the list "A traiter". */
export const OPEN_TO_PROCESS: CoreEvent = { type: 'applications.open', payload: { status: 'a_traiter' } };

/** The badge's number from `applications.counts` (none while signed out or without a structure). */
export function badgeCountOf(counts: Envelope<unknown>): number {
  const data = counts.ok ? applicationCountsSchema.safeParse(counts.data) : undefined;
  return data?.success ? data.data.a_traiter : 0;
}

/**
 * Keeps the badge at the number "A traiter", one count at a time: events arriving during a
 * count (a pull of many pages) make one more count, not one each.
 */
export class BadgeKeeper {
  private counting = false;
  private again = false;

  constructor(
    private readonly count: () => Promise<number>,
    private readonly show: (count: number) => void,
  ) {}

  /** Counts again now (at start), or after the one in progress. */
  async refresh(): Promise<void> {
    if (this.counting) {
      this.again = true;
      return;
    }
    this.counting = true;
    try {
      do {
        this.again = false;
        this.show(await this.count().catch(() => 0));
      } while (this.again);
    } finally {
      this.counting = false;
    }
  }
}
