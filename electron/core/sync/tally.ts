import type { WriteTx } from '../db/store';
import type { SyncEntity } from './entities/types';

// The number of rows per value of an entity's tallied column (SyncEntity.tallyColumn), kept in
// `<table>_tally` by each write and deletion of a row (see local-state.ts, which reads what a
// row counted for before it changes).

export type TalliedValue = string | number | null;

/** A row that counted for `from` now counts for `to` (undefined: it is new, or gone). */
export function moveTally(
  tx: WriteTx,
  entity: SyncEntity,
  from: TalliedValue | undefined,
  to: TalliedValue | undefined,
): void {
  const column = entity.tallyColumn;
  if (!column || from === to) return;
  const tally = `"${entity.table}_tally"`;
  if (from !== undefined) tx.exec(`update ${tally} set n = n - 1 where "${column}" = ?`, [from]);
  if (to !== undefined)
    tx.exec(
      `insert into ${tally} ("${column}", n) values (?, 1) on conflict ("${column}") do update set n = n + 1`,
      [to],
    );
}

/** Counts an entity's tallied column again, after rows were deleted in bulk. */
export function recountTally(tx: WriteTx, entity: SyncEntity): void {
  const column = entity.tallyColumn;
  if (!column) return;
  tx.exec(`delete from "${entity.table}_tally"`);
  tx.exec(
    `insert into "${entity.table}_tally" ("${column}", n) select "${column}", count(*) from "${entity.table}" group by "${column}"`,
  );
}
