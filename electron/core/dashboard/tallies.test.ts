import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/applications';
import { OFFER_ID, sampleApplication } from '../../../tests/support/applications';
import { me, useScriptedEngine } from '../../../tests/support/scripted-engine';
import { storeMembership } from '../session/local-session';
import { syncEntities } from '../sync/entities';
import { dashboardColumns, firstAnswerAt } from './tallies';

// The dashboard's tallies follow every write and deletion of an application: at each step they
// equal what counting the rows gives.

const scripted = useScriptedEngine();
const A = 'a5000000-0000-4000-8000-000000000001';
const B = 'a5000000-0000-4000-8000-000000000002';
const OTHER_OFFER = '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a97';
const AT = '2026-10-27T08:15:00.000Z';

const reply = (at: string, detail = 'Recevable') => ({ kind: 'repondue' as const, at, by: 'Claire', detail });

/** The tallies as kept, and as counted from the rows, without the rows that count for nothing. */
async function tallies() {
  return scripted().store.read((tx) => {
    const kept = {
      hours: tx.all(
        sql`select received_hour, status, n from application_hour_tally where n != 0 order by 1, 2`,
      ),
      answers: tx.all(
        sql`select received_hour, answer_day, n from application_answer_tally where n != 0 order by 1, 2`,
      ),
      offers: tx.all(
        sql`select offer_id, total, a_traiter from application_offer_tally where total != 0 order by 1`,
      ),
    };
    const counted = {
      hours: tx.all(sql`select substr(received_at, 1, 13) as received_hour, status, count(*) as n
        from application group by 1, 2 order by 1, 2`),
      answers: tx.all(sql`select substr(received_at, 1, 13) as received_hour, answer_s / 86400 as answer_day,
        count(*) as n from application where answer_s is not null group by 1, 2 order by 1, 2`),
      offers: tx.all(sql`select offer_id, count(*) as total, sum(status = 'a_traiter') as a_traiter
        from application group by 1 order by 1`),
    };
    return { kept, counted };
  });
}

const apply = (rows: Application[], deleted: string[] = []) =>
  scripted().engine.applyServerRows(syncEntities.application, rows, deleted);

describe('the dashboard’s tallies', () => {
  it('follow new rows, new versions (status, offer, replies) and deletions', async () => {
    const a = sampleApplication(A, { receivedAt: AT, updatedAt: AT });
    const b = sampleApplication(B, { receivedAt: '2026-10-28T09:00:00.000Z', updatedAt: AT });
    await apply([a, b]);
    let { kept, counted } = await tallies();
    expect(kept).toEqual(counted);
    expect(kept.hours).toEqual([
      { received_hour: '2026-10-27T08', status: 'a_traiter', n: 1 },
      { received_hour: '2026-10-28T09', status: 'a_traiter', n: 1 },
    ]);
    expect(kept.offers).toEqual([{ offer_id: OFFER_ID, total: 2, a_traiter: 2 }]);

    await apply([
      {
        ...a,
        version: 2,
        status: 'recevable',
        repliedAt: '2026-10-29T10:00:00.000Z',
        history: [...a.history, reply('2026-10-29T10:00:00.000Z')],
      },
      { ...b, version: 2, offerId: OTHER_OFFER },
    ]);
    ({ kept, counted } = await tallies());
    expect(kept).toEqual(counted);
    expect(kept.answers).toEqual([{ received_hour: '2026-10-27T08', answer_day: 2, n: 1 }]);
    expect(kept.offers).toEqual([
      { offer_id: OTHER_OFFER, total: 1, a_traiter: 1 },
      { offer_id: OFFER_ID, total: 1, a_traiter: 0 },
    ]);

    // The same version again (a pull from the start) counts once.
    await apply([{ ...b, version: 2, offerId: OTHER_OFFER }]);
    await apply([], [A]);
    ({ kept, counted } = await tallies());
    expect(kept).toEqual(counted);
    expect(kept.answers).toEqual([]);
    expect(kept.offers).toEqual([{ offer_id: OTHER_OFFER, total: 1, a_traiter: 1 }]);
  });

  it('are emptied with the rows when the user leaves the structure', async () => {
    const { engine, store } = scripted();
    await engine.applyServerRows(syncEntities.account, [me('gestionnaire')]);
    await apply([sampleApplication(A, { receivedAt: AT, repliedAt: AT, status: 'recevable' })]);
    expect((await tallies()).kept.offers).toHaveLength(1);
    await storeMembership(store, {
      user: { ...me(null, 2), structureId: null },
      structure: null,
      joinRequest: null,
    });
    const { kept, counted } = await tallies();
    expect(kept).toEqual({ hours: [], answers: [], offers: [] });
    expect(kept).toEqual(counted);
  });

  it('takes the history’s first reply as the first answer, not the last reply date', () => {
    const first = '2026-10-28T08:15:00.000Z';
    const last = '2026-11-05T08:15:00.000Z';
    const answered = sampleApplication(A, {
      receivedAt: AT,
      status: 'refusee',
      repliedAt: last,
      history: [{ kind: 'recue', at: AT, by: null, detail: null }, reply(first), reply(last, 'Refusée')],
    });
    expect(firstAnswerAt(answered)).toBe(first);
    expect(dashboardColumns(answered)).toEqual({ answer_s: 86_400 });
    expect(dashboardColumns({ ...answered, history: [], repliedAt: AT })).toEqual({ answer_s: 0 });
    expect(dashboardColumns(sampleApplication(B))).toEqual({ answer_s: null });
    // A reply dated before the reception (a clock set wrong) is immediate.
    expect(dashboardColumns({ ...answered, history: [reply('2026-10-27T08:00:00.000Z')] })).toEqual({
      answer_s: 0,
    });
  });
});
