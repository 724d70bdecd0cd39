import { afterEach, describe, expect, it } from 'vitest';
import { applicationColumnsBefore0011 } from './fixture';
import type { Application } from '../../../../shared/domain/applications';
import { OFFER_ID, sampleApplication } from '../../../../tests/support/applications';
import { schemaBefore, type MigrationFixture } from './fixture';

let fixture: MigrationFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const AT = '2026-10-27T08:15:00.000Z';
const id = (n: number) => `a6000000-0000-4000-8000-00000000000${n}`;

/** An application as 0006 stored it (its sort keys, no dashboard column). */
function row(application: Application) {
  return {
    ...applicationColumnsBefore0011(application),
    applicant_key: 'emilie darrigrand',
    offer_key: 'commis de cuisine',
    profile_id: application.profile?.id ?? null,
  };
}

describe('migration 0007_dashboard', () => {
  it('dates the first answers of the rows here and counts them into the tallies', async () => {
    fixture = await schemaBefore('0007_dashboard');
    const reply = (at: string) => ({ kind: 'repondue' as const, at, by: 'Claire', detail: 'Recevable' });
    fixture.insert(
      'application',
      row(
        sampleApplication(id(1), {
          receivedAt: AT,
          status: 'refusee',
          // The history's first reply, a day and a half later; replied_at is the last one.
          repliedAt: '2026-11-03T08:15:00.000Z',
          history: [
            { kind: 'recue', at: AT, by: null, detail: null },
            reply('2026-10-28T20:15:00.000Z'),
            reply('2026-11-03T08:15:00.000Z'),
          ],
        }),
      ),
    );
    // A reply without its event (seeded data): replied_at, 3 hours later.
    fixture.insert(
      'application',
      row(
        sampleApplication(id(2), {
          receivedAt: AT,
          status: 'recevable',
          repliedAt: '2026-10-27T11:15:00.000Z',
        }),
      ),
    );
    fixture.insert('application', row(sampleApplication(id(3), { receivedAt: '2026-10-30T16:00:00.000Z' })));

    expect(await fixture.migrate()).toEqual(['0007_dashboard']);

    expect(fixture.columns('application')).toContain('answer_s');
    expect(fixture.sqlite.prepare('select id, answer_s from application order by id').all()).toEqual([
      { id: id(1), answer_s: 129_600 },
      { id: id(2), answer_s: 10_800 },
      { id: id(3), answer_s: null },
    ]);
    expect(fixture.sqlite.prepare('select * from application_hour_tally order by 1, 2').all()).toEqual([
      { received_hour: '2026-10-27T08', status: 'recevable', n: 1 },
      { received_hour: '2026-10-27T08', status: 'refusee', n: 1 },
      { received_hour: '2026-10-30T16', status: 'a_traiter', n: 1 },
    ]);
    expect(fixture.sqlite.prepare('select * from application_answer_tally order by 1, 2').all()).toEqual([
      { received_hour: '2026-10-27T08', answer_day: 0, n: 1 },
      { received_hour: '2026-10-27T08', answer_day: 1, n: 1 },
    ]);
    expect(fixture.sqlite.prepare('select * from application_offer_tally').all()).toEqual([
      { offer_id: OFFER_ID, total: 3, a_traiter: 1 },
    ]);
    expect(fixture.indexes('application')).toContain('application_answer_day');
    expect(fixture.indexes('offer')).toContain('offer_status_archive');
    expect(fixture.indexes('member')).toContain('member_role');
  });

  it('runs on an empty cache', async () => {
    fixture = await schemaBefore('0007_dashboard');
    expect(await fixture.migrate()).toEqual(['0007_dashboard']);
    expect(fixture.tables()).toEqual(
      expect.arrayContaining([
        'application_hour_tally',
        'application_answer_tally',
        'application_offer_tally',
      ]),
    );
  });
});
