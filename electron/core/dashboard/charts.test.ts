import { describe, expect, it } from 'vitest';
import type { Application, ApplicationEvent } from '../../../shared/domain/applications';
import type { Offer } from '../../../shared/domain/offers';
import { sampleApplication } from '../../../tests/support/applications';
import { memberHandlers } from '../../../tests/support/member-handlers';
import { sampleOffer, useScriptedEngine } from '../../../tests/support/scripted-engine';
import { dashboardHandlers } from '../handlers/dashboard';
import { syncEntities } from '../sync/entities';
import { median } from './charts';

// The dashboard's three charts on a real local database, through the dispatcher, "now" injected.

const scripted = useScriptedEngine();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Wednesday 4 November 2026, 10:00 in Paris: the last Sunday of October (the 25th) is 2 weeks back. */
const NOW = new Date('2026-11-04T09:00:00.000Z');
const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function desktop(data: { applications?: Application[]; offers?: Offer[] }, now = NOW) {
  const { engine } = scripted();
  const handlers = await memberHandlers(scripted(), 'referent', (ctx) =>
    dashboardHandlers({ ...ctx, clock: () => now }),
  );
  if (data.offers) await engine.applyServerRows(syncEntities.offer, data.offers);
  if (data.applications) await engine.applyServerRows(syncEntities.application, data.applications);
  return handlers;
}

let numbers = 0;
/** An application received at `at`, with these replies (days after it) and its status now. */
function application(
  at: string,
  status: Application['status'] = 'a_traiter',
  replies: number[] = [],
  offerId?: string,
): Application {
  numbers += 1;
  const received = new Date(at).getTime();
  const history: ApplicationEvent[] = [
    { kind: 'recue', at, by: null, detail: null },
    ...replies.map((days) => ({
      kind: 'repondue' as const,
      at: new Date(received + days * DAY).toISOString(),
      by: 'Claire Lacoste',
      detail: 'Recevable',
    })),
  ];
  const last = history.at(-1)!.at;
  return sampleApplication(uuid('a4000000', numbers), {
    number: numbers,
    status,
    receivedAt: at,
    repliedAt: replies.length > 0 ? last : null,
    replyMessage: replies.length > 0 ? 'Bonjour' : null,
    history,
    updatedAt: last,
    ...(offerId ? { offerId } : {}),
  });
}

describe('"Candidatures reçues par semaine"', () => {
  it('counts by status now, weeks from Monday 00:00 in Paris across the change of time', async () => {
    const { call } = await desktop({
      applications: [
        // Sunday 25 October 23:30 in Paris (winter time since 03:00): still the week of the 19th.
        application('2026-10-25T22:30:00.000Z', 'recevable'),
        // Monday 26 October 00:00 in Paris: the next week.
        application('2026-10-25T23:00:00.000Z'),
        application('2026-10-26T10:00:00.000Z', 'refusee'),
        // Monday 19 October 00:30 in Paris (summer time), Sunday in UTC.
        application('2026-10-18T22:30:00.000Z', 'abandonnee'),
        // Sunday 18 October 23:30 in Paris: the week before.
        application('2026-10-18T21:30:00.000Z'),
        // Before the twelve weeks, and in the next week (a clock set wrong): left out.
        application('2026-08-16T21:00:00.000Z'),
        application('2026-11-08T23:00:00.000Z'),
        application('2026-11-04T08:00:00.000Z'),
      ],
    });
    const weeks = await call('dashboard.applicationsPerWeek', undefined);
    expect(weeks.map((week) => week.weekStart)).toEqual([
      ...['2026-08-17', '2026-08-24', '2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21'],
      ...['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'],
    ]);
    const counts = (i: number) => {
      const { weekStart: _, ...rest } = weeks[i]!;
      return rest;
    };
    expect(counts(8)).toEqual({ a_traiter: 1, recevable: 0, refusee: 0, abandonnee: 0, total: 1 });
    expect(counts(9)).toEqual({ a_traiter: 0, recevable: 1, refusee: 0, abandonnee: 1, total: 2 });
    expect(counts(10)).toEqual({ a_traiter: 1, recevable: 0, refusee: 1, abandonnee: 0, total: 2 });
    expect(counts(11)).toEqual({ a_traiter: 1, recevable: 0, refusee: 0, abandonnee: 0, total: 1 });
    expect(weeks.slice(0, 8).every((week) => week.total === 0)).toBe(true);
  });

  it('puts the last Sunday of March in its week, the Monday after in the next', async () => {
    // Sunday 29 March 2026 (summer time from 02:00), 23:30 in Paris: the week of the 23rd.
    // Asked the week after: the change of time is in the previous week.
    const { call } = await desktop(
      { applications: [application('2026-03-29T21:30:00.000Z'), application('2026-03-29T22:00:00.000Z')] },
      new Date('2026-04-01T10:00:00.000Z'),
    );
    const weeks = await call('dashboard.applicationsPerWeek', undefined);
    expect(weeks.slice(-2).map((week) => [week.weekStart, week.total])).toEqual([
      ['2026-03-23', 1],
      ['2026-03-30', 1],
    ]);
  });
});

describe('"Délai médian avant une première réponse"', () => {
  it('takes the median of the first replies per week of reception, null when none', async () => {
    const monday = '2026-11-01T23:00:00.000Z'; // Monday 2 November 00:00 in Paris
    const lastWeek = '2026-10-26T08:00:00.000Z';
    const { call } = await desktop({
      applications: [
        // This week, odd count: 1, 2 and 9 days → 2 (the second reply, 10 days later, not counted).
        application(monday, 'refusee', [1, 10]),
        application(monday, 'recevable', [2]),
        application(monday, 'recevable', [9]),
        application(monday, 'a_traiter'),
        // Last week, even count: 0.5 and 1.25 days → 0.875 → 0.9.
        application(lastWeek, 'recevable', [0.5]),
        application(lastWeek, 'refusee', [1.25]),
        application(lastWeek, 'abandonnee'),
      ],
    });
    const delays = await call('dashboard.firstAnswerDelay', undefined);
    expect(delays.at(-1)).toEqual({ weekStart: '2026-11-02', medianDays: 2, answered: 3 });
    expect(delays.at(-2)).toEqual({ weekStart: '2026-10-26', medianDays: 0.9, answered: 2 });
    expect(delays.at(-3)).toEqual({ weekStart: '2026-10-19', medianDays: null, answered: 0 });
  });

  it('falls back on the reply date when the history has no reply', async () => {
    const at = '2026-10-27T08:00:00.000Z';
    const row = {
      ...application(at, 'recevable'),
      repliedAt: new Date(new Date(at).getTime() + 3 * DAY).toISOString(),
    };
    const { call } = await desktop({ applications: [row] });
    expect((await call('dashboard.firstAnswerDelay', undefined)).at(-2)).toMatchObject({
      medianDays: 3,
      answered: 1,
    });
  });

  it('has a median for odd, even and no values', () => {
    expect(median([])).toBeNull();
    expect(median([4])).toBe(4);
    expect(median([1, 2, 9])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe('"Candidatures par offre"', () => {
  it('shows the 10 offers "En cours" with the most applications, ties by number', async () => {
    const offers = Array.from({ length: 13 }, (_, i) =>
      sampleOffer(uuid('c4000000', i + 1), { number: 100 - i, version: 1, title: `Offre ${i + 1}` }),
    );
    offers.push(sampleOffer(uuid('c4000000', 50), { number: 1, version: 1, status: 'pourvue' }));
    const applications: Application[] = [];
    // Offers 1 to 12 get 2 applications each, offer 13 none; offer 3 gets 5; the filled one 9.
    offers.forEach((offer, i) => {
      const count = i === 2 ? 5 : i === 13 ? 9 : i < 12 ? 2 : 0;
      for (let k = 0; k < count; k++)
        applications.push(application(NOW.toISOString(), k === 0 ? 'recevable' : 'a_traiter', [], offer.id));
    });
    const { call } = await desktop({ offers, applications });
    const top = await call('dashboard.applicationsPerOffer', undefined);
    expect(top).toHaveLength(10);
    expect(top[0]).toEqual({
      offerId: offers[2]!.id,
      number: 98,
      title: 'Offre 3',
      employerName: 'Brasserie du Port',
      total: 5,
      a_traiter: 4,
    });
    // Then the ties of 2 by number, smallest first: offers 12 (89), 11 (90)… 4 (97).
    expect(top.slice(1).map((row) => [row.number, row.total, row.a_traiter])).toEqual(
      [89, 90, 91, 92, 93, 94, 95, 96, 97].map((number) => [number, 2, 1]),
    );
  });
});
