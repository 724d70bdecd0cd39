import { sql } from 'kysely';
import { labelOf } from '../../../../shared/domain/labels';
import type { SyncIssue } from '../../../../shared/domain/sync';
import type { OutboxTable } from '../../db/schema';
import { entityNamed } from '../entities';
import { dropLocalRow, hasWaitingChanges, readShadow, replayView } from '../local-state';
import { amend } from './conflicts';
import type { SyncContext } from './context';
import { handOverBase, parseFields, type ConflictRecord } from './outbox-rows';

// What the user must look at: changes the platform refused (parked) or that conflict with
// someone else's, field by field, and what they can do with a refused one.

export async function issues(ctx: SyncContext): Promise<SyncIssue[]> {
  const rows = await ctx.options.store.read((tx) =>
    tx.all<OutboxTable>(sql`select * from outbox where state in ('parked', 'conflict') order by position`),
  );
  return rows.map((row) => {
    const payload = parseFields(row.payload);
    const conflict = row.conflict ? (JSON.parse(row.conflict) as ConflictRecord) : null;
    const errors = row.last_error_fields ? (JSON.parse(row.last_error_fields) as Record<string, string>) : {};
    return {
      id: row.id,
      entity: row.entity,
      entityId: row.entity_id,
      entityLabel: entityNamed(row.entity)?.label ?? row.entity,
      state: row.state as 'parked' | 'conflict',
      createdAt: row.created_at,
      message: row.state === 'parked' ? row.last_error : null,
      fields: Object.entries(payload).map(([field, mine]) => {
        const inConflict = conflict?.fields[field];
        return {
          field,
          label: labelOf(field),
          mine,
          conflict: inConflict !== undefined,
          ...(inConflict ? { theirs: inConflict.theirs, base: inConflict.base } : {}),
          ...(errors[field] ? { error: errors[field] } : {}),
        };
      }),
    };
  });
}

/** Sends a refused change again as it is. */
export async function resend(ctx: SyncContext, id: string): Promise<void> {
  await amend(ctx, id, ['parked'], (tx) =>
    tx.run(
      sql`update outbox set state = 'pending', attempts = 0, next_attempt_at = null, last_error = null, last_error_fields = null where id = ${id}`,
    ),
  );
}

/** Drops a refused or conflicting change: the platform's version of the row comes back. */
export async function discard(ctx: SyncContext, id: string): Promise<void> {
  let entityName = '';
  await amend(
    ctx,
    id,
    ['parked', 'conflict'],
    (tx, row) => {
      entityName = row.entity;
      if (row.operation === 'create') {
        // The row never reached the platform: the changes made to it since go with it.
        tx.run(sql`delete from outbox where entity = ${row.entity} and entity_id = ${row.entity_id}`);
        return;
      }
      tx.run(sql`delete from outbox where id = ${id}`);
      handOverBase(tx, row, row.base_version);
    },
    // The dropped change may have been the last to set some field: replay the others. A
    // dropped creation takes its row with it, and so does the last change of a row the user
    // may no longer see.
    (tx, entity, rowId) => {
      const waiting = hasWaitingChanges(tx, entity.name, rowId);
      if (!waiting && !readShadow(tx, entity.name, rowId)) return dropLocalRow(tx, entity, rowId);
      replayView(tx, entity, rowId);
      if (!waiting && entity.hiddenFromUser?.(tx, rowId)) dropLocalRow(tx, entity, rowId);
    },
  );
  ctx.options.onChange([entityName]);
}
