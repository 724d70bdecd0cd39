import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../../../../shared/ipc/errors';
import type { OutboxTable } from '../../db/schema';
import type { WriteTx } from '../../db/store';
import { isCreatable, isUpdatable, type EntityData, type SyncEntity } from '../entities';
import {
  applyServerDeletion,
  applyServerState,
  dropLocalRow,
  hasWaitingChanges,
  readShadow,
  readView,
  refreshView,
  replayView,
  writeShadow,
  writeView,
} from '../local-state';
import type { Fields } from '../merge';
import type { SyncContext } from './context';
import { writeEdit } from './local-edit';
import { announce } from './status';

// Changes made here, online or not: each is written with its outbox row in one transaction,
// and the call returns at once; the sync they trigger follows after the debounce.

/** The UI hears of a local change, and a sync follows it shortly. */
function changedHere(ctx: SyncContext, entity: SyncEntity): void {
  ctx.options.onChange([entity.name]);
  void announce(ctx);
  ctx.schedule(ctx.debounceMs);
}

/** Whether this change may have reached the platform (sent, whatever came back). */
function mayHaveArrived(ctx: SyncContext, row: OutboxTable): boolean {
  return row.attempts > 0 || ctx.sending.has(row.id);
}

/**
 * A row deleted here is added again: a deletion that never left cancels, and the platform's
 * row comes back as it was (true). One that may have reached the platform stays, and the
 * new creation goes after it (false, as when there is no deletion).
 */
function cancelDeletion(ctx: SyncContext, tx: WriteTx, entity: SyncEntity, id: string): boolean {
  const deletion = tx.first<OutboxTable>(
    sql`select * from outbox where entity = ${entity.name} and entity_id = ${id} and operation = 'delete'
        order by position desc limit 1`,
  );
  if (!deletion || mayHaveArrived(ctx, deletion) || !readShadow(tx, entity.name, id)) return false;
  tx.run(sql`delete from outbox where id = ${deletion.id}`);
  replayView(tx, entity, id);
  return true;
}

/**
 * Rows created here (offline included), in one transaction: all of them are written, or none
 * (a CSV import). Each `view` is what the user sees until the platform answers (version 0, no
 * number); its `payload` is what `POST` sends. `guard` runs first in the same transaction, to
 * refuse what another call wrote meanwhile (the same SIRET requested twice by a double click).
 */
export async function createMany(
  ctx: SyncContext,
  entity: SyncEntity,
  rows: Array<{ view: EntityData; payload: Fields }>,
  guard?: (tx: WriteTx) => void,
): Promise<void> {
  if (!isCreatable(entity))
    throw new AppError('forbidden', `${entity.label} ne se crée pas depuis l’application.`);
  if (rows.length === 0) return;
  const createdAt = new Date().toISOString();
  await ctx.options.store.write((tx) => {
    guard?.(tx);
    for (const { view, payload } of rows) {
      if (cancelDeletion(ctx, tx, entity, view.id)) continue;
      if (readView(tx, entity, view.id))
        throw new AppError('conflict', `${entity.label} : cet identifiant existe déjà sur ce poste.`);
      tx.exec(
        `insert into outbox (id, entity, entity_id, operation, payload, base, base_version, created_at)
         values (?, ?, ?, 'create', ?, '{}', null, ?)`,
        [randomUUID(), entity.name, view.id, JSON.stringify(payload), createdAt],
      );
      writeView(tx, entity, view, 'pending');
    }
  });
  changedHere(ctx, entity);
}

/**
 * A row deleted here (offline included): it goes at once, and the outbox row of its deletion
 * is written in the same transaction (sent as DELETE with Idempotency-Key). A row whose
 * creation never reached the platform goes with its waiting changes instead: nothing is sent.
 * Deleting a row that is not here does nothing.
 */
export async function remove(ctx: SyncContext, entity: SyncEntity, id: string): Promise<void> {
  if (!entity.deletePath)
    throw new AppError('forbidden', `${entity.label} ne se supprime pas depuis l’application.`);
  const removed = await ctx.options.store.write((tx) => {
    const current = readView(tx, entity, id);
    if (!current) return false;
    const creation = tx.first<OutboxTable>(
      sql`select * from outbox where entity = ${entity.name} and entity_id = ${id} and operation = 'create'
          order by position desc limit 1`,
    );
    // Refused, or never sent: the platform never had it. The creation goes with the changes
    // made since; what came before it (a deletion that may have reached the platform, the row
    // being added again after it) stays and is sent, and its shadow with it.
    if (creation && (creation.state === 'parked' || !mayHaveArrived(ctx, creation))) {
      tx.run(
        sql`delete from outbox where entity = ${entity.name} and entity_id = ${id} and position >= ${creation.position}`,
      );
      if (hasWaitingChanges(tx, entity.name, id)) refreshView(tx, entity, id);
      else dropLocalRow(tx, entity, id);
      return true;
    }
    // What the platform has, to come back to if the deletion is refused or discarded.
    if (!creation && !readShadow(tx, entity.name, id)) writeShadow(tx, entity.name, current);
    tx.exec(
      `insert into outbox (id, entity, entity_id, operation, payload, base, base_version, created_at)
       values (?, ?, ?, 'delete', '{}', '{}', null, ?)`,
      [randomUUID(), entity.name, id, new Date().toISOString()],
    );
    refreshView(tx, entity, id);
    return true;
  });
  if (removed) changedHere(ctx, entity);
}

/**
 * Local edits in one transaction: all of them are written, or none (one reply to several
 * applications). An edit of a row whose previous change was refused by the platform amends
 * that change (edit and resend). `derived` are values the view shows that follow from the
 * patch (a métier's label for its code) and the platform recomputes: shown, never sent.
 * `guard` runs first in the same transaction, to refuse what another call changed meanwhile.
 */
export async function updateMany(
  ctx: SyncContext,
  entity: SyncEntity,
  edits: ReadonlyArray<{ id: string; patch: Fields; derived?: Fields }>,
  guard?: (tx: WriteTx) => void,
): Promise<void> {
  if (!isUpdatable(entity))
    throw new AppError('forbidden', `${entity.label} ne se modifie pas depuis l’application.`);
  const changed = await ctx.options.store.write((tx) => {
    guard?.(tx);
    let any = false;
    for (const { id, patch, derived } of edits)
      if (writeEdit(tx, entity, id, patch, derived ?? {})) any = true;
    return any;
  });
  if (changed) changedHere(ctx, entity);
}

/** Rows the platform returned outside the feed (after a role change made here): stored at once. */
export async function applyServerRows(
  ctx: SyncContext,
  entity: SyncEntity,
  rows: EntityData[],
  deletedIds: string[],
): Promise<void> {
  await ctx.options.store.write((tx) => {
    for (const row of rows) applyServerState(tx, entity, row, hasWaitingChanges(tx, entity.name, row.id));
    for (const id of deletedIds) applyServerDeletion(tx, entity, id);
  });
  ctx.options.onChange([entity.name]);
}
