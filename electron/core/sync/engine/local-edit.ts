import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { AppError } from '../../../../shared/ipc/errors';
import type { OutboxTable } from '../../db/schema';
import type { WriteTx } from '../../db/store';
import { updateRequestOf, type EntityData, type SyncEntity } from '../entities';
import { readShadow, readView, writeLocalEdit, writeShadow } from '../local-state';
import type { Fields } from '../merge';
import { parseFields, pick } from './outbox-rows';

/** Whether two changes of a row go to the same request (only then may one amend the other). */
function sameRequest(entity: SyncEntity, id: string, a: Fields, b: Fields, known: Fields): boolean {
  const first = updateRequestOf(entity, id, a, known);
  const second = updateRequestOf(entity, id, b, known);
  return first?.method === second?.method && first?.path === second?.path;
}

/** One local edit of a row, in the caller's transaction (see SyncEngine.update); false when nothing changes. */
export function writeEdit(
  tx: WriteTx,
  entity: SyncEntity,
  id: string,
  patch: Fields,
  derived: Fields,
): boolean {
  const current = readView(tx, entity, id) as (EntityData & Fields) | undefined;
  if (!current) throw new AppError('not_found', `${entity.label} : introuvable sur ce poste.`);
  // A field sent as undefined (Electron's structured clone keeps such keys, zod keeps them for
  // optional fields) is a field not sent: it must not become null in a NOT NULL column.
  const fields = Object.keys(patch).filter(
    (key) => patch[key] !== undefined && !isDeepStrictEqual(current[key], patch[key]),
  );
  if (fields.length === 0) return false;
  const changes = pick(patch, fields);
  const creation = tx.first<OutboxTable>(
    sql`select * from outbox where entity = ${entity.name} and entity_id = ${id} and operation = 'create'`,
  );
  let queued = fields;
  if (creation) {
    // Not on the platform yet: the creation itself carries the new values it can carry...
    const creatable = entity.createSchema ? new Set(Object.keys(entity.createSchema.shape)) : undefined;
    const carried = fields.filter((key) => !creatable || creatable.has(key));
    queued = fields.filter((key) => !carried.includes(key));
    if (carried.length > 0)
      tx.run(
        sql`update outbox set payload = ${JSON.stringify({ ...parseFields(creation.payload), ...pick(changes, carried) })},
            state = 'pending', attempts = 0, next_attempt_at = null, last_error = null, last_error_fields = null
            where id = ${creation.id}`,
      );
    if (queued.length === 0) {
      writeLocalEdit(tx, entity, current, { ...changes, ...derived });
      return true;
    }
    // ...and the others (an offer's status) wait behind it as an update, sent once it is acknowledged.
  }
  let shadow = readShadow(tx, entity.name, id);
  if (!shadow && !creation) {
    // No pending change yet: what the user sees is exactly the platform's state.
    writeShadow(tx, entity.name, current);
    shadow = { version: current.version, data: current };
  }
  const last = tx.first<OutboxTable>(
    sql`select * from outbox where entity = ${entity.name} and entity_id = ${id} order by position desc limit 1`,
  );
  const update = pick(changes, queued);
  if (
    last?.state === 'parked' &&
    last.operation === 'update' &&
    sameRequest(entity, id, parseFields(last.payload), update, current)
  ) {
    // The platform never applied a refused change, so it can be amended under the same key.
    const payload = { ...parseFields(last.payload), ...update };
    const base = { ...pick(current, queued), ...parseFields(last.base) };
    tx.run(
      sql`update outbox set payload = ${JSON.stringify(payload)}, base = ${JSON.stringify(base)}, state = 'pending',
          attempts = 0, next_attempt_at = null, last_error = null, last_error_fields = null where id = ${last.id}`,
    );
  } else {
    // Made on top of a change still waiting: its version comes when that one is acknowledged.
    const baseVersion = last ? null : shadow!.version;
    tx.run(
      sql`insert into outbox (id, entity, entity_id, operation, payload, base, base_version, created_at)
          values (${randomUUID()}, ${entity.name}, ${id}, 'update', ${JSON.stringify(update)},
                  ${JSON.stringify(pick(current, queued))}, ${baseVersion}, ${new Date().toISOString()})`,
    );
  }
  writeLocalEdit(tx, entity, current, { ...changes, ...derived });
  return true;
}
