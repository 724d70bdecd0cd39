import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import type { OutboxTable } from '../../db/schema';
import type { Exchange } from '../../platform/client';
import type { EntityData, SyncEntity } from '../entities';
import { applyServerState, dropShadow, hasWaitingChanges, refreshView, settleDeletion } from '../local-state';
import type { Fields } from '../merge';
import { mergeConcurrent } from './conflicts';
import { expire, type SyncContext } from './context';
import { handOverBase, parseFields, pick } from './outbox-rows';
import { park, retryLater } from './refusals';

/** How a push ended: all sent, some waiting for their retry time, the platform unreachable, the session gone. */
export type PushOutcome = 'done' | 'waiting' | 'offline' | 'expired';

/**
 * What one change's answer from the platform does to the outbox ('continue': the push goes on
 * with the next change). Used for each answer, whether the change went alone or in a batch.
 */
export async function handleAnswer(
  ctx: SyncContext,
  row: OutboxTable,
  entity: SyncEntity,
  answer: Exchange,
): Promise<PushOutcome | 'continue'> {
  switch (answer.kind) {
    case 'ok':
      await acknowledge(ctx, row, entity, answer.data);
      return 'continue';
    case 'session-expired':
      return expire(ctx);
    case 'network':
      await retryLater(ctx, row, answer.message, undefined);
      return 'offline';
    case 'http': {
      const { status, problem } = answer;
      if (status === 404 && (row.operation === 'delete' || entity.settledByDeletion)) {
        // Gone already (deleted by someone else, or by the candidate): what was asked is done,
        // or no longer matters.
        await settle(ctx, row, entity);
        return 'continue';
      }
      if (status === 412 && problem?.current !== undefined) {
        await mergeConcurrent(ctx, row, entity, problem.current);
        return 'continue';
      }
      if (status === 401) return expire(ctx);
      if (status === 408 || status === 429 || status >= 500) {
        await retryLater(ctx, row, answer.message, answer.retryAfterMs);
        return 'offline';
      }
      const fields = problem?.errors?.length
        ? Object.fromEntries(problem.errors.map((e) => [e.field, e.detail]))
        : undefined;
      await park(ctx, row, answer.message, fields);
      return 'continue';
    }
  }
}

/** The platform applied the change: it leaves the outbox, later changes of the row move onto the new version. */
export async function acknowledge(
  ctx: SyncContext,
  row: OutboxTable,
  entity: SyncEntity,
  body: unknown,
): Promise<void> {
  if (row.operation === 'delete') return settle(ctx, row, entity);
  const parsed = entity.schema.safeParse(body);
  await ctx.options.store.write((tx) => {
    if (!parsed.success) {
      // Applied, but the answer is unreadable: the next change keeps this one's base, the next pull fixes the row.
      handOverBase(tx, row, row.base_version);
      tx.run(sql`delete from outbox where id = ${row.id}`);
      ctx.options.logger.error(
        `Réponse inattendue à l’envoi d’une modification (${entity.name})`,
        parsed.error,
      );
      refreshView(tx, entity, row.entity_id);
      return;
    }
    const now = tx.first<OutboxTable>(sql`select * from outbox where id = ${row.id}`);
    const server = parsed.data as EntityData & Fields;
    if (row.operation === 'create' && now && now.payload !== row.payload) {
      // Edited while its creation was on the way: what the platform did not get goes as an update.
      const left = Object.entries(parseFields(now.payload))
        .filter(([key, value]) => !isDeepStrictEqual(server[key], value))
        .map(([key]) => key);
      if (left.length > 0) {
        const mine = parseFields(now.payload);
        tx.run(
          sql`update outbox set operation = 'update', payload = ${JSON.stringify(pick(mine, left))},
              base = ${JSON.stringify(pick(server, left))}, base_version = ${server.version} where id = ${row.id}`,
        );
        applyServerState(tx, entity, server, true);
        return;
      }
    }
    tx.run(sql`delete from outbox where id = ${row.id}`);
    handOverBase(tx, row, parsed.data.version);
    const waiting = hasWaitingChanges(tx, row.entity, row.entity_id);
    applyServerState(tx, entity, parsed.data, waiting);
    // The shadow was the base of what was just sent: kept, the next edit would go on its old version (412).
    if (!waiting) dropShadow(tx, row.entity, row.entity_id);
  });
  ctx.touched.add(entity.name);
}

/** A change the row's deletion on the platform made moot (or the deletion itself): it leaves the outbox. */
export async function settle(ctx: SyncContext, row: OutboxTable, entity: SyncEntity): Promise<void> {
  await ctx.options.store.write((tx) => {
    tx.run(sql`delete from outbox where id = ${row.id}`);
    if (row.operation === 'delete') settleDeletion(tx, entity, row.entity_id);
    else {
      handOverBase(tx, row, row.base_version);
      refreshView(tx, entity, row.entity_id);
    }
  });
  ctx.touched.add(entity.name);
}
