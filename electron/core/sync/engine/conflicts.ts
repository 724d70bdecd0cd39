import { sql } from 'kysely';
import { labelOf } from '../../../../shared/domain/labels';
import { AppError } from '../../../../shared/ipc/errors';
import type { OutboxTable } from '../../db/schema';
import type { WriteTx } from '../../db/store';
import { entityNamed, type EntityData, type SyncEntity } from '../entities';
import { refreshView, writeShadow } from '../local-state';
import { mergeChange, type Fields } from '../merge';
import type { SyncContext } from './context';
import { handOverBase, parseFields, pick, type ConflictRecord } from './outbox-rows';
import { park } from './refusals';
import { announce } from './status';

// A change made on a version the platform has moved past (412): merged with the platform's
// state field by field; what both sides changed waits for the user's choice.

/** 412: the row changed on the platform since the edit. Disjoint fields merge; the same field becomes a conflict. */
export async function mergeConcurrent(
  ctx: SyncContext,
  row: OutboxTable,
  entity: SyncEntity,
  current: unknown,
): Promise<void> {
  const parsed = entity.schema.safeParse(current);
  if (!parsed.success) {
    await park(ctx, row, 'La plateforme a signalé une modification concurrente illisible.', undefined);
    return;
  }
  const theirs = parsed.data as EntityData & Fields;
  await ctx.options.store.write((tx) => {
    writeShadow(tx, entity.name, theirs);
    const mine = parseFields(row.payload);
    // Set on the platform by someone else first: theirs stands, mine is no conflict.
    for (const field of entity.firstWriteWins ?? []) if (theirs[field] != null) delete mine[field];
    const { payload, conflicts } = mergeChange(parseFields(row.base), mine, theirs);
    const conflictFields = Object.keys(conflicts);
    if (conflictFields.length === 0) {
      if (Object.keys(payload).length === 0) {
        // Nothing of mine left to send: the next change builds on the platform's version.
        tx.run(sql`delete from outbox where id = ${row.id}`);
        handOverBase(tx, row, theirs.version);
      } else
        tx.run(
          sql`update outbox set payload = ${JSON.stringify(payload)}, base = ${JSON.stringify(pick(theirs, Object.keys(payload)))},
              base_version = ${theirs.version} where id = ${row.id}`,
        );
    } else {
      const record: ConflictRecord = { version: theirs.version, fields: conflicts };
      // My values stay visible (and in the payload) until the user chooses, field by field.
      tx.run(
        sql`update outbox set state = 'conflict', conflict = ${JSON.stringify(record)},
            payload = ${JSON.stringify({ ...payload, ...pick(mine, conflictFields) })} where id = ${row.id}`,
      );
    }
    refreshView(tx, entity, row.entity_id);
  });
  ctx.options.onChange([entity.name]);
}

/**
 * The user acts on a change waiting for them (in one of `states`): `change` rewrites its outbox
 * row, `recompute` what the user sees of the row; then a sync follows.
 */
export async function amend(
  ctx: SyncContext,
  id: string,
  states: OutboxTable['state'][],
  change: (tx: WriteTx, row: OutboxTable) => void,
  recompute: typeof refreshView = refreshView,
): Promise<void> {
  await ctx.options.store.write((tx) => {
    const row = tx.first<OutboxTable>(sql`select * from outbox where id = ${id}`);
    if (!row || !states.includes(row.state)) {
      throw new AppError(
        'not_found',
        'Cette modification n’est plus en attente (déjà envoyée ou abandonnée).',
      );
    }
    change(tx, row);
    const entity = entityNamed(row.entity);
    if (entity) recompute(tx, entity, row.entity_id);
  });
  ctx.schedule(0);
  void announce(ctx);
}

/** One conflicting field: keep my value, or take the platform's. Once all are chosen, the change goes. */
export async function resolve(
  ctx: SyncContext,
  id: string,
  field: string,
  choice: 'mine' | 'theirs',
): Promise<string> {
  let entityName = '';
  await amend(ctx, id, ['conflict'], (tx, row) => {
    entityName = row.entity;
    const record = JSON.parse(row.conflict ?? '{"fields":{}}') as ConflictRecord;
    const chosen = record.fields[field];
    if (!chosen)
      throw new AppError('validation', `Le champ « ${labelOf(field)} » n’est pas en conflit.`, {
        field: 'Champ sans conflit.',
      });
    const payload = parseFields(row.payload);
    const base = parseFields(row.base);
    if (choice === 'theirs') delete payload[field];
    else payload[field] = chosen.mine;
    // Resolved against the platform's version: that is now the base of this field.
    base[field] = chosen.theirs;
    delete record.fields[field];
    const left = Object.keys(record.fields).length;
    if (left > 0) {
      tx.run(
        sql`update outbox set payload = ${JSON.stringify(payload)}, base = ${JSON.stringify(base)}, conflict = ${JSON.stringify(record)} where id = ${id}`,
      );
    } else if (Object.keys(payload).length === 0) {
      tx.run(sql`delete from outbox where id = ${id}`);
      handOverBase(tx, row, record.version);
    } else {
      tx.run(
        sql`update outbox set payload = ${JSON.stringify(payload)}, base = ${JSON.stringify(pick(base, Object.keys(payload)))},
            base_version = ${record.version}, conflict = null, state = 'pending', attempts = 0, next_attempt_at = null
            where id = ${id}`,
      );
    }
  });
  ctx.options.onChange([entityName]);
  return entityName;
}
