import { afterEach, describe, expect, it } from 'vitest';
import { offerToColumns, structureToColumns } from '../../../../shared/db/rows';
import { sampleStructure } from '../../../../tests/support/applications';
import { published, sampleOffer } from '../../../../tests/support/scripted-engine';
import { schemaBefore, type MigrationFixture } from './fixture';

let fixture: MigrationFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const id = (n: number) => `0f000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const offerRow = (n: number, status: 'en_cours' | 'pourvue' | 'archivee') => ({
  ...offerToColumns({ ...published(sampleOffer(id(n)), 100 + n), status }),
  title_key: 'offre',
  employer_key: 'employeur',
  number_key: 100 + n,
});

const tally = () =>
  Object.fromEntries(
    (
      fixture!.sqlite.prepare('select status, n from offer_tally where n != 0').all() as Array<{
        status: string;
        n: number;
      }>
    ).map((row) => [row.status, row.n]),
  );
const counted = () =>
  Object.fromEntries(
    (
      fixture!.sqlite.prepare('select status, count(*) as n from offer group by status').all() as Array<{
        status: string;
        n: number;
      }>
    ).map((row) => [row.status, row.n]),
  );

describe('migration 0010_offer_tally', () => {
  it('counts the offers already here by status, then follows every write of them', async () => {
    fixture = await schemaBefore('0010_offer_tally');
    fixture.insert('structure', structureToColumns(sampleStructure()));
    fixture.insert('offer', offerRow(1, 'en_cours'));
    fixture.insert('offer', offerRow(2, 'en_cours'));
    fixture.insert('offer', offerRow(3, 'pourvue'));

    expect(await fixture.migrate()).toEqual(['0010_offer_tally']);
    expect(tally()).toEqual({ en_cours: 2, pourvue: 1 });

    const sqlite = fixture.sqlite;
    fixture.insert('offer', offerRow(4, 'archivee'));
    sqlite.prepare("update offer set status = 'pourvue' where id = ?").run(id(1));
    // An update that leaves the status moves nothing.
    sqlite.prepare("update offer set status = 'en_cours', title = 'Autre' where id = ?").run(id(2));
    // The sync's upsert (local-state.ts): the conflict's update moves the row's count.
    const row = offerRow(2, 'archivee');
    const names = Object.keys(row);
    sqlite
      .prepare(
        `insert into offer (${names.join(', ')}) values (${names.map((n) => `@${n}`).join(', ')})
         on conflict (id) do update set status = excluded.status`,
      )
      .run(row);
    sqlite.prepare('delete from offer where id = ?').run(id(3));
    expect(tally()).toEqual({ pourvue: 1, archivee: 2 });
    expect(tally()).toEqual(counted());
    sqlite.prepare('delete from offer').run();
    expect(tally()).toEqual({});
  });
});
