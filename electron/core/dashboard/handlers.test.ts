import { describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/domain/account';
import type { Application } from '../../../shared/domain/applications';
import type { Offer } from '../../../shared/domain/offers';
import { sampleApplication } from '../../../tests/support/applications';
import { memberHandlers } from '../../../tests/support/member-handlers';
import { sampleOffer, useScriptedEngine } from '../../../tests/support/scripted-engine';
import { dashboardHandlers } from '../handlers/dashboard';
import { syncEntities } from '../sync/entities';

// The dashboard's handlers on a real local database, through the dispatcher, "now" injected.

const scripted = useScriptedEngine();
const DAY = 86_400_000;
/** Wednesday 4 November 2026, 10:00 in Paris (winter time). */
const NOW = new Date('2026-11-04T09:00:00.000Z');
const ago = (days: number, from = NOW) => new Date(from.getTime() - days * DAY).toISOString();
const later = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const appId = (n: number) => uuid('a3000000', n);
const offerId = (n: number) => uuid('c3000000', n);

async function desktop(
  role: 'referent' | 'gestionnaire',
  data: { applications?: Application[]; offers?: Offer[]; members?: Member[] } = {},
  clock = () => NOW,
) {
  const { engine, store } = scripted();
  const handlers = await memberHandlers(scripted(), role, (ctx) => dashboardHandlers({ ...ctx, clock }));
  if (data.offers) await engine.applyServerRows(syncEntities.offer, data.offers);
  if (data.applications) await engine.applyServerRows(syncEntities.application, data.applications);
  if (data.members) await engine.applyServerRows(syncEntities.member, data.members);
  return { ...handlers, store };
}

function offer(n: number, overrides: Partial<Offer> = {}): Offer {
  return sampleOffer(offerId(n), { number: n, version: 1, title: `Offre ${n}`, ...overrides });
}

function pending(n: number, joinedAt: string): Member {
  return {
    id: uuid('d3000000', n),
    firstName: 'Paul',
    lastName: `Candidat ${n}`,
    mail: `paul${n}@cfa-demo.fr`,
    role: 'pending',
    joinedAt,
    version: 1,
  };
}

describe('"À faire"', () => {
  it('is empty on an empty database, and so are the charts', async () => {
    const { call } = await desktop('referent');
    expect(await call('dashboard.todo', undefined)).toEqual({ items: [], total: 0 });
    const perWeek = await call('dashboard.applicationsPerWeek', undefined);
    expect(perWeek).toHaveLength(12);
    expect(perWeek.at(-1)).toEqual({
      weekStart: '2026-11-02',
      a_traiter: 0,
      recevable: 0,
      refusee: 0,
      abandonnee: 0,
      total: 0,
    });
    expect(perWeek[0]!.weekStart).toBe('2026-08-17');
    const delays = await call('dashboard.firstAnswerDelay', undefined);
    expect(delays).toHaveLength(12);
    expect(delays.every((week) => week.medianDays === null && week.answered === 0)).toBe(true);
    expect(await call('dashboard.applicationsPerOffer', undefined)).toEqual([]);
  });

  it('lists waiting applications after 7 days and offers archived within 30, by due date', async () => {
    const { call } = await desktop('gestionnaire', {
      applications: [
        sampleApplication(appId(1), { number: 1, ...received(ago(7) /* exactly 7 days: not yet */) }),
        sampleApplication(appId(2), { number: 2, ...received(ago(7.01)) }),
        sampleApplication(appId(3), { number: 3, ...received(ago(20)) }),
        sampleApplication(appId(4), { number: 4, status: 'recevable', ...received(ago(40)) }),
      ],
      offers: [
        offer(10, { archiveAt: later(30) }),
        offer(11, { archiveAt: later(30.01) }),
        offer(12, { archiveAt: later(0.2) }),
        offer(13, { archiveAt: later(1), status: 'pourvue' }),
        offer(14, { archiveAt: ago(2) /* passed while offline: still "En cours" here */ }),
      ],
    });
    const todo = await call('dashboard.todo', undefined);
    expect(todo.total).toBe(5);
    expect(todo.items.map((item) => [item.kind, item.dueAt])).toEqual([
      ['application_waiting', later(-13)],
      ['offer_archiving', ago(2)],
      ['application_waiting', later(-0.01)],
      ['offer_archiving', later(0.2)],
      ['offer_archiving', later(30)],
    ]);
    expect(todo.items[0]).toEqual({
      kind: 'application_waiting',
      dueAt: later(-13),
      applicationId: appId(3),
      number: 3,
      applicantName: 'Émilie Darrigrand',
      offerTitle: 'Commis de cuisine',
      days: 20,
    });
    expect(todo.items[2]).toMatchObject({ applicationId: appId(2), days: 7 });
    expect(todo.items[1]).toMatchObject({ offerId: offerId(14), daysLeft: 0 });
    // 14:48 the same day in Paris: "aujourd'hui"; 30 days later, 30.
    expect(todo.items[3]).toMatchObject({ offerId: offerId(12), daysLeft: 0, title: 'Offre 12' });
    expect(todo.items[4]).toMatchObject({
      offerId: offerId(10),
      number: 10,
      employerName: 'Brasserie du Port',
      archiveAt: later(30),
      daysLeft: 30,
    });

    const first = await call('dashboard.todo', { limit: 2 });
    expect(first.total).toBe(5);
    expect(first.items.map((item) => item.dueAt)).toEqual([later(-13), ago(2)]);
  });

  it('shows collaborators’ requests to the référent only, and refused changes and conflicts to all', async () => {
    const members = [pending(1, ago(3)), pending(2, ago(1))];
    const outbox = async (store: ReturnType<typeof scripted>['store']) =>
      store.write((tx) => {
        const insert = (id: string, entity: string, state: string, createdAt: string) =>
          tx.exec(
            `insert into outbox (id, entity, entity_id, operation, payload, base, base_version, created_at,
              attempts, state) values (?, ?, ?, 'update', '{}', '{}', 1, ?, 1, ?)`,
            [id, entity, offerId(99), createdAt, state],
          );
        insert('refused-1', 'offer', 'parked', ago(2));
        insert('conflict-1', 'structure', 'conflict', ago(3));
        insert('waiting-1', 'offer', 'pending', ago(5));
      });

    const referent = await desktop('referent', { members });
    await outbox(referent.store);
    const todo = await referent.call('dashboard.todo', undefined);
    expect(todo.total).toBe(4);
    // Same instant: a conflict comes before a request.
    expect(todo.items).toEqual([
      { kind: 'sync_conflict', dueAt: ago(3), issueId: 'conflict-1', entityLabel: 'Ma structure' },
      { kind: 'member_request', dueAt: ago(3), userId: members[0]!.id, name: 'Paul Candidat 1' },
      { kind: 'sync_refused', dueAt: ago(2), issueId: 'refused-1', entityLabel: 'Offre' },
      { kind: 'member_request', dueAt: ago(1), userId: members[1]!.id, name: 'Paul Candidat 2' },
    ]);
  });

  it('hides collaborators’ requests from a gestionnaire', async () => {
    const { call } = await desktop('gestionnaire', { members: [pending(1, ago(3))] });
    expect(await call('dashboard.todo', undefined)).toEqual({ items: [], total: 0 });
  });

  it('refuses a limit out of bounds, naming it', async () => {
    const { refuse } = await desktop('referent');
    expect(await refuse('dashboard.todo', { limit: 0 })).toMatchObject({ code: 'validation' });
    expect((await refuse('dashboard.todo', { limit: 500 })).fields).toHaveProperty('limit');
  });
});

function received(at: string): Partial<Application> {
  return { receivedAt: at, updatedAt: at, history: [{ kind: 'recue', at, by: null, detail: null }] };
}
