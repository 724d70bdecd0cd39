import type { WriteTx } from '../db/store';
import type { SyncEntity } from './entities';

// The number of rows per value of an entity's tallied column (SyncEntity.tallyColumn), kept in
// `<table>_tally` by each write and deletion of a row (see local-state.ts).

export type TalliedValue = string | number | null;

/** What a row counts for before it is written or deleted (undefined: no such row, or nothing tallied). */
export function talliedBefore(tx: WriteTx, entity: SyncEntity, id: string): TalliedValue | undefined {
  const column = entity.tallyColumn;
  if (!column) return undefined;
  return tx.get<{ value: TalliedValue }>(`select "${column}" as value from "${entity.table}" where id = ?`, [
    id,
  ])?.value;
}

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
